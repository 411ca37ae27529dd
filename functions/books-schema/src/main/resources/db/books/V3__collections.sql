-- Money in: every repayment is a collection through the payment rail (the borrower's, or the daily
-- auto-debit) or money ops received another way. The books move only when one SUCCEEDED, once.

create table collection (
    id varchar(255) not null,
    loan_id varchar(255) not null,
    origin varchar(255) not null check (origin in ('BORROWER', 'AUTO_DEBIT', 'OFFLINE')),
    idempotency_key varchar(255) not null,
    amount_fen bigint not null check (amount_fen > 0),
    choice varchar(255) not null check (choice in ('SHORTEN_TERM', 'LOWER_INSTALLMENT')),
    status varchar(255) not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    reason varchar(255),
    rail_reference varchar(255),
    requested_at timestamp(6) with time zone not null,
    requested_by varchar(255) not null,
    settled_at timestamp(6) with time zone,
    value_date date,
    transaction_id varchar(255),
    unapplied_fen bigint not null default 0,
    bank_reference varchar(255),
    note varchar(1000),
    primary key (id),
    constraint collection_once_per_key unique (idempotency_key)
);

create index collection_of_loan on collection (loan_id, requested_at);
create index collection_pending on collection (requested_at) where status = 'PENDING';
