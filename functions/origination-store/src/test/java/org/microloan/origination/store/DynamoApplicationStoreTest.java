package org.microloan.origination.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ConcurrentUpdateException;
import org.microloan.workflow.IllegalTransitionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoApplicationStoreTest {

    private static final DynamoDbClient DYNAMO = DynamoDbLocal.client();
    private final ApplicationStore store = new DynamoApplicationStore(DYNAMO, DynamoDbLocal.TABLE);
    private final ExposureReservations exposure = new DynamoExposureReservations(DYNAMO, DynamoDbLocal.TABLE);

    private static StoredApplication received(String borrower, Instant at) {
        return new StoredApplication(UUID.randomUUID().toString(), borrower, ApplicationStatus.RECEIVED, 1, at,
                "{\"productCode\":\"EMERGENCY\"}", new byte[] {1, 2, 3}, "{\"personal\":{\"mobile\":\"138****5678\"}}", Map.of(), "pk_" + borrower, null);
    }

    @Test
    void create_thenFind_returnsWhatWasStored() {
        StoredApplication a = received("b-" + UUID.randomUUID(), Instant.parse("2026-11-22T08:00:00Z"));
        store.create(a);

        StoredApplication found = store.find(a.applicationId()).orElseThrow();

        assertThat(found.status()).isEqualTo(ApplicationStatus.RECEIVED);
        assertThat(found.facts()).isEqualTo(a.facts());
        assertThat(found.personal()).containsExactly(1, 2, 3);
        assertThat(found.masked()).isEqualTo(a.masked());
        assertThat(store.find("no-such-application")).isEmpty();
    }

    @Test
    void findAll_ofMoreThanOneRequestHolds_findsEveryStoredOne_andSkipsTheMissing() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            StoredApplication a = received("b-" + i, Instant.parse("2026-11-22T08:00:00Z"));
            store.create(a);
            ids.add(a.applicationId());
        }
        List<String> asked = new ArrayList<>(ids);
        asked.add("no-such-application");
        asked.add(ids.get(0));

        Map<String, StoredApplication> found = store.findAll(asked);

        assertThat(found).hasSize(230).containsOnlyKeys(ids);
        assertThat(found.get(ids.get(229)).personal()).containsExactly(1, 2, 3);
        assertThat(store.findAll(List.of())).isEmpty();
    }

    @Test
    void create_twice_isRefused() {
        StoredApplication a = received("b", Instant.now());
        store.create(a);

        assertThatThrownBy(() -> store.create(a)).hasMessageContaining("already exists");
    }

    @Test
    void advance_movesForward_recordsTheResult_andBumpsTheVersion() {
        StoredApplication a = received("b", Instant.now());
        store.create(a);

        StoredApplication applied = store.advance(a, ApplicationStatus.APPLIED, "apply", "{\"ok\":true}");

        assertThat(applied.status()).isEqualTo(ApplicationStatus.APPLIED);
        assertThat(applied.version()).isEqualTo(2);
        assertThat(applied.results()).containsEntry("apply", "{\"ok\":true}");
    }

    @Test
    void advanceAndRecord_answerTheApplicationExactlyAsItIsNowStored() {
        StoredApplication a = received("b", Instant.now());
        store.create(a);

        StoredApplication applied = store.advance(a, ApplicationStatus.APPLIED, "apply", "{\"ok\":true}");
        assertThat(applied).usingRecursiveComparison().isEqualTo(store.find(a.applicationId()).orElseThrow());

        StoredApplication noted = store.record(applied, "review-token", "{\"taskToken\":\"t-1\"}");
        assertThat(noted).usingRecursiveComparison().isEqualTo(store.find(a.applicationId()).orElseThrow());
        assertThat(noted.status()).isEqualTo(ApplicationStatus.APPLIED);
        assertThat(noted.version()).isEqualTo(3);
        assertThat(noted.results()).containsOnlyKeys("apply", "review-token");
    }

    @Test
    void advance_fromAStaleCopy_isAConcurrentUpdate() {
        StoredApplication a = received("b", Instant.now());
        store.create(a);
        store.advance(a, ApplicationStatus.APPLIED, "apply", "{}");

        assertThatThrownBy(() -> store.advance(a, ApplicationStatus.DECLINED, "apply", "{}"))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void advance_backwards_isRefused() {
        StoredApplication a = received("b", Instant.now());
        store.create(a);
        StoredApplication applied = store.advance(a, ApplicationStatus.APPLIED, "apply", "{}");
        StoredApplication declined = store.advance(applied, ApplicationStatus.DECLINED, "score", "{}");

        assertThatThrownBy(() -> store.advance(declined, ApplicationStatus.APPLIED, "apply", "{}"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageEndingWith("cannot move from DECLINED to APPLIED");
    }

    @Test
    void aStepsClaim_readsTheApplication_holdsOffAnotherRun_andEndsWhenTheResultIsRecorded() {
        StoredApplication a = received("b", Instant.now());
        store.create(a);
        Instant now = Instant.parse("2026-12-03T02:00:00Z");
        Instant until = now.plusSeconds(30);

        StoredApplication claimed = store.claim(a.applicationId(), "apply", now, until).orElseThrow();

        assertThat(claimed.status()).isEqualTo(ApplicationStatus.RECEIVED);
        assertThat(claimed.personal()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> store.claim(a.applicationId(), "apply", now.plusSeconds(1), now.plusSeconds(31)))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("apply").hasMessageContaining("already running");
        // another step is not held by it, and the claim does not move the version another writer expects
        assertThat(store.claim(a.applicationId(), "verify-identity", now, until)).isPresent();
        StoredApplication applied = store.advance(claimed, ApplicationStatus.APPLIED, "apply", "{\"ok\":true}");
        assertThat(applied.version()).isEqualTo(2);

        // recorded: a repeat claims it at once, to read what was recorded
        assertThat(store.claim(a.applicationId(), "apply", now.plusSeconds(2), now.plusSeconds(32)).orElseThrow().results())
                .containsEntry("apply", "{\"ok\":true}");
        assertThat(store.claim("no-such-application", "apply", now, until)).isEmpty();
    }

    @Test
    void aStepsClaim_isTakenOverWhenItRunsOut_orWhenItsRunLetsGo() {
        StoredApplication a = received("b", Instant.now());
        store.create(a);
        Instant now = Instant.parse("2026-12-03T02:00:00Z");
        store.claim(a.applicationId(), "score", now, now.plusSeconds(30));

        // the run that held it was ended by Lambda's timeout: its claim has run out
        Instant later = now.plusSeconds(31);
        assertThat(store.claim(a.applicationId(), "score", later, later.plusSeconds(30))).isPresent();

        // the first run's late release does not end the second run's claim
        store.release(a.applicationId(), "score", now.plusSeconds(30));
        assertThatThrownBy(() -> store.claim(a.applicationId(), "score", later.plusSeconds(1), later.plusSeconds(31)))
                .isInstanceOf(ConcurrentUpdateException.class);

        store.release(a.applicationId(), "score", later.plusSeconds(30));
        assertThat(store.claim(a.applicationId(), "score", later.plusSeconds(1), later.plusSeconds(31))).isPresent();
    }

    @Test
    void ofBorrower_listsTheirApplications_newestFirst() {
        String borrower = "b-" + UUID.randomUUID();
        StoredApplication older = received(borrower, Instant.parse("2026-11-01T08:00:00Z"));
        StoredApplication newer = received(borrower, Instant.parse("2026-11-20T08:00:00Z"));
        store.create(older);
        store.create(newer);
        store.create(received("someone-else", Instant.now()));

        assertThat(store.ofBorrower(borrower)).extracting(StoredApplication::applicationId)
                .containsExactly(newer.applicationId(), older.applicationId());
    }

    @Test
    void loansOfABorrower_areFoundByBorrower_andRecordingTwiceKeepsOne() {
        String borrower = "b-" + UUID.randomUUID();
        store.recordLoan(borrower, "loan-1", "app-1");
        store.recordLoan(borrower, "loan-1", "app-1");
        store.recordLoan(borrower, "loan-2", "app-2");

        assertThat(store.loansOf(borrower)).containsExactlyInAnyOrder("loan-1", "loan-2");
        assertThat(store.loansOf("nobody")).isEmpty();
    }

    @Test
    void exposure_reservingTheSameApplicationTwice_countsOnce() {
        String borrower = "b-" + UUID.randomUUID();

        assertThat(exposure.reserve(borrower, "app-1", Money.of("3000"), Money.of("200000"))).isTrue();
        assertThat(exposure.reserve(borrower, "app-1", Money.of("3000"), Money.of("200000"))).isTrue();

        assertThat(exposure.total(borrower)).isEqualTo(Money.of("3000"));
    }

    @Test
    void exposure_aLoanHoldsWhatItStillOwes_setNotSubtracted_soTellingTwiceChangesNothing() {
        String person = "pk_" + UUID.randomUUID();
        exposure.reserve(person, "app-1", Money.of("150000"), Money.of("200000"));
        exposure.reserve(person, "app-2", Money.of("40000"), Money.of("200000"));

        exposure.hold(person, "app-1", Money.of("120000"));
        exposure.hold(person, "app-1", Money.of("120000"));

        assertThat(exposure.total(person)).isEqualTo(Money.of("160000"));
        assertThat(exposure.held(person, "app-1")).isEqualTo(Money.of("120000"));
        assertThat(exposure.standing(person).besides("app-2")).isEqualTo(Money.of("120000"));
        assertThat(exposure.reserve(person, "app-3", Money.of("40000"), Money.of("200000"))).isTrue();
    }

    @Test
    void exposure_standing_readsTheTotalAndEveryApplicationsPartTogether_andHoldersAreThoseHoldingRoom() {
        String person = "pk_" + UUID.randomUUID();
        exposure.reserve(person, "app-1", Money.of("150000"), Money.of("200000"));
        exposure.reserve(person, "app-2", Money.of("40000"), Money.of("200000"));
        exposure.release(person, "app-2");

        ExposureReservations.Standing standing = exposure.standing(person);

        assertThat(standing.total()).isEqualTo(Money.of("150000"));
        assertThat(standing.held()).containsEntry("app-1", Money.of("150000")).containsEntry("app-2", Money.ZERO);
        assertThat(standing.holders()).containsExactly("app-1");
        assertThat(standing.besides("app-1")).isEqualTo(Money.ZERO);
        assertThat(standing.besides("app-3")).isEqualTo(Money.of("150000"));
        assertThat(exposure.standing("pk_" + UUID.randomUUID())).isEqualTo(new ExposureReservations.Standing(Money.ZERO, java.util.Map.of()));
    }

    @Test
    void exposure_twoApplicationsRacingForTheLastRoom_onlyOneGetsIt() throws Exception {
        String person = "pk_" + UUID.randomUUID();
        exposure.reserve(person, "app-0", Money.of("100000"), Money.of("200000"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                String app = "app-" + i;
                tries.add(pool.submit(() -> exposure.reserve(person, app, Money.of("80000"), Money.of("200000"))));
            }
            int won = 0;
            for (java.util.concurrent.Future<Boolean> t : tries) {
                won += t.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(exposure.total(person)).isEqualTo(Money.of("180000"));
    }

    @Test
    void exposure_overTheLimit_isRefused_andReleaseGivesRoomBack() {
        String borrower = "b-" + UUID.randomUUID();
        exposure.reserve(borrower, "app-1", Money.of("150000"), Money.of("200000"));

        assertThat(exposure.reserve(borrower, "app-2", Money.of("60000"), Money.of("200000"))).isFalse();
        exposure.release(borrower, "app-1");
        exposure.release(borrower, "app-1");

        assertThat(exposure.total(borrower)).isEqualTo(Money.ZERO);
        assertThat(exposure.reserve(borrower, "app-2", Money.of("60000"), Money.of("200000"))).isTrue();
    }

    @Test
    void exposure_aFirstLoanAboveTheLimit_reservesNothing() {
        String borrower = "b-" + UUID.randomUUID();

        assertThat(exposure.reserve(borrower, "app-1", Money.of("200000.01"), Money.of("200000"))).isFalse();
        assertThat(exposure.total(borrower)).isEqualTo(Money.ZERO);
    }

    @Test
    void exposure_twoApplicationsRacingForTheLastRoom_onlyOneWins() throws Exception {
        String borrower = "b-" + UUID.randomUUID();
        exposure.reserve(borrower, "app-0", Money.of("150000"), Money.of("200000"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String app = "app-" + i;
            racers.add(() -> exposure.reserve(borrower, app, Money.of("40000"), Money.of("200000")));
        }
        long winners = 0;
        for (Future<Boolean> result : pool.invokeAll(racers)) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
        assertThat(exposure.total(borrower)).isEqualTo(Money.of("190000"));
    }
}
