-- What the functions read by, beyond the keys: a loan's installments, a borrower's loans and lines, a
-- loan's transactions, contacts and history, the daily run's active loans and deferred contacts.

create index installment_of_loan on installment (loan_id, number);
create index loan_of_borrower on loan (borrower_id, product_code);
create index loan_active on loan (id) where status = 'ACTIVE';
create index ledger_transaction_of_loan on ledger_transaction (loan_id);
create index journal_entry_of_transaction on journal_entry (transaction_id);
create index contact_deferred on contact (send_at) where status = 'DEFERRED';
create index call_attempt_of_loan on call_attempt (loan_id, at);
create index classification_change_of_loan on classification_change (loan_id);
create index loan_event_of_loan on loan_event (loan_id);
create index credit_line_change_of_line on credit_line_change (credit_line_id, changed_on);
