-- The books as the functions first made them (Hibernate's update): a database made before migrations is
-- taken as this version (BooksSchema's baseline) and keeps its rows.

create table call_attempt (
    answered boolean not null,
    at timestamp(6) with time zone not null,
    id varchar(255) not null,
    loan_id varchar(255) not null,
    primary key (id)
);

create table classification_change (
    changed_on date not null,
    from_class varchar(255) not null,
    id varchar(255) not null,
    loan_id varchar(255) not null,
    reason varchar(255) not null,
    to_class varchar(255) not null,
    primary key (id)
);

create table contact (
    business_date date not null,
    days_past_due bigint not null,
    send_at timestamp(6) with time zone not null,
    id varchar(255) not null,
    kind varchar(255) not null,
    loan_id varchar(255) not null,
    provider_message_id varchar(255),
    status varchar(255) not null,
    primary key (id),
    constraint contact_once_a_day unique (loan_id, business_date, kind)
);

create table credit_line (
    annual_rate numeric(20,12) not null,
    frozen boolean not null,
    opened_on date not null,
    reviewed_on date,
    line_fen bigint not null,
    borrower_id varchar(255) not null,
    id varchar(255) not null,
    product_code varchar(255) not null,
    primary key (id),
    constraint credit_line_per_product unique (borrower_id, product_code)
);

create table credit_line_change (
    changed_on date not null,
    from_rate numeric(20,12) not null,
    frozen boolean not null,
    to_rate numeric(20,12) not null,
    from_line_fen bigint not null,
    to_line_fen bigint not null,
    reason varchar(500) not null,
    action varchar(255) not null,
    credit_line_id varchar(255) not null,
    id varchar(255) not null,
    primary key (id)
);

create table installment (
    due_date date not null,
    number integer not null,
    period_months integer not null,
    period_rate numeric(40,34) not null,
    period_start date not null,
    settled_on date,
    balance_fen bigint not null,
    interest_fen bigint not null,
    paid_interest_fen bigint not null,
    paid_penalty_fen bigint not null,
    paid_principal_fen bigint not null,
    penalty_accrued_fen bigint not null,
    principal_fen bigint not null,
    id varchar(255) not null,
    loan_id varchar(255) not null,
    primary key (id)
);

create table journal_entry (
    credit_fen bigint not null,
    debit_fen bigint not null,
    account varchar(255) not null,
    id varchar(255) not null,
    transaction_id varchar(255) not null,
    primary key (id)
);

create table ledger_transaction (
    posted_at timestamp(6) with time zone not null,
    id varchar(255) not null,
    idempotency_key varchar(255) not null,
    kind varchar(255) not null,
    loan_id varchar(255) not null,
    summary text,
    primary key (id),
    constraint ledger_transaction_once unique (idempotency_key)
);

create table loan (
    annual_rate numeric(20,12) not null,
    arrears_cleared_on date,
    called_in_on date,
    classified_on date,
    flagged_for_review boolean not null,
    penalty_accrued_through date,
    start_date date not null,
    with_agency boolean not null,
    booked_at timestamp(6) with time zone not null,
    emi_fen bigint,
    principal_fen bigint not null,
    application_id varchar(255) not null,
    borrower_id varchar(255) not null,
    day_count varchar(255) not null,
    five_tier_class varchar(255) not null,
    frequency varchar(255) not null,
    id varchar(255) not null,
    method varchar(255) not null,
    payout_reference varchar(255) not null,
    product_code varchar(255) not null,
    rounding varchar(255) not null,
    status varchar(255) not null,
    primary key (id),
    constraint loan_once_per_application unique (application_id)
);

create table loan_event (
    occurred_on date not null,
    detail varchar(500),
    actions varchar(255) not null,
    id varchar(255) not null,
    loan_id varchar(255) not null,
    signal varchar(255) not null,
    primary key (id)
);

alter table installment add constraint FKddvr1rongdlfl3pmj87eg48cy foreign key (loan_id) references loan;
alter table journal_entry add constraint FKqajdsa3ueovbhp199w572ldjp foreign key (transaction_id) references ledger_transaction;
