-- The collections workbench: a collector's call says who was called and at which number (a keyed hash, so
-- the six-unanswered-a-day limit holds per number, and the number masked), how it ended, and any promise to
-- pay. Calls logged before this version were to the borrower, about the debt.

alter table call_attempt add column party varchar(255) not null default 'BORROWER'
    check (party in ('BORROWER', 'THIRD_PARTY'));
alter table call_attempt add column about_the_debt boolean not null default true;
alter table call_attempt add constraint call_attempt_no_disclosure check (party = 'BORROWER' or not about_the_debt);
alter table call_attempt add column number_key varchar(255);
alter table call_attempt add column number_masked varchar(64);
alter table call_attempt add column outcome varchar(255)
    check (outcome in ('NO_ANSWER', 'PROMISE_TO_PAY', 'REFUSED_TO_PAY', 'DISPUTED', 'CALL_BACK_LATER', 'WRONG_NUMBER',
                       'LEFT_MESSAGE'));
alter table call_attempt add column note varchar(1000);
alter table call_attempt add column called_by varchar(255);
alter table call_attempt add column promised_fen bigint check (promised_fen > 0);
alter table call_attempt add column promised_by date;
alter table call_attempt add constraint call_attempt_promise_whole check ((promised_fen is null) = (promised_by is null));

create index call_attempt_to_number on call_attempt (number_key, at);

-- A loan beyond negotiation handed to a licensed agency on the whitelist, once: to whom, by whom, why, what
-- it owed then, and which data went with it (the names of the fields, never their values).
create table agency_handover (
    id varchar(255) not null,
    loan_id varchar(255) not null,
    agency varchar(255) not null,
    handed_at timestamp(6) with time zone not null,
    handed_by varchar(255) not null,
    reason varchar(1000) not null,
    days_past_due bigint not null,
    owed_fen bigint not null check (owed_fen > 0),
    data_fields varchar(1000) not null,
    primary key (id),
    constraint agency_handover_once unique (loan_id)
);
