-- 受托支付: a loan paid to a merchant or a school says to whom. The account is kept masked: the full number
-- stays sealed with the application, and the rail's payout reference says where the money went.

alter table loan add column paid_to varchar(255) not null default 'BORROWER'
    check (paid_to in ('BORROWER', 'MERCHANT', 'SCHOOL'));
alter table loan add column payee_name varchar(255);
alter table loan add column payee_credit_code varchar(18);
alter table loan add column payee_account_masked varchar(64);
alter table loan add constraint loan_payee_named check (paid_to = 'BORROWER'
    or (payee_name is not null and payee_credit_code is not null and payee_account_masked is not null));
