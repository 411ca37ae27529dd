package org.microloan.localstack;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.microloan.schedule.BusinessDate;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back-office console in a real headless Chromium against the whole local stack: staff sign in through the
 * development issuer, each role sees its views, a large referred application is decided by two people, failed
 * executions are replayed in one action, and a collector works an overdue loan until the conduct rules refuse a
 * call and hands it to an agency. Screenshots of each page go to target/console-screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final Path work = Path.of("target", "console-it");

    private static LocalStack stack;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the console's tests drive Debian's chromium and chromium-driver: apt-get install chromium "
                        + "chromium-driver (.ci/run does)").isTrue();
        for (Path dir : new Path[] {work, SHOTS}) {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        Files.createDirectories(SHOTS);
        stack = LocalStack.start(new LocalStack.Options(Optional.empty(), work,
                Path.of(System.getProperty("functions.dir", "../functions")), 0, 0, 0, true, false, LocalStack.CONCURRENCY));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,900",
                        "--lang=en-US");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Through the console's sign-in button and the issuer's page, back to the console signed in. */
    private static void signIn(String subject, String role) {
        browser.manage().deleteAllCookies();
        browser.get(stack.api().resolve("/console/").toString());
        ((ChromeDriver) browser).executeScript("sessionStorage.clear(); localStorage.setItem('console.language', 'en');");
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("subject"))).sendKeys(subject);
        new Select(browser.findElement(By.id("role"))).selectByValue(role);
        browser.findElement(By.id("sign-in")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("person"), subject + " · " + role));
    }

    private static String token(String subject, String role) {
        return stack.tokens().token(subject, role, Duration.ofHours(1));
    }

    private static JsonNode until(URI uri, String token, String status) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = StackClient.send("GET", uri, token, null, UUID.randomUUID().toString());
            last = StackClient.JSON.readTree(r.body());
            if (status.equals(last.path("status").asText())) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(uri + " never " + status + ": " + last);
    }

    /** A borrower's application as the app sends it: answered 202, its id. */
    private static String apply(String borrower, Map<String, Object> form) throws Exception {
        HttpResponse<String> applied = StackClient.send("POST", stack.api().resolve("/v1/applications"), borrower, form,
                UUID.randomUUID().toString());
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);
        return StackClient.JSON.readTree(applied.body()).path("applicationId").asText();
    }

    /** 3,000 for an emergency over 3 months: decided by the scorecard alone. */
    private static Map<String, Object> smallLoan() {
        return Demo.form("EMERGENCY", "3000.00", 3, "DAILY_ACCRUAL", "1996-05-04", "12000.00", "3500.00", "80000.00",
                "0.00", "6000.00", BusinessDate.of(stack.clock().now()));
    }

    @Test
    @Order(1)
    void staffSignIn_seeTheirRolesViews_andTwoPeopleDecideALargeReferral() throws Exception {
        String borrower = token("b-" + UUID.randomUUID(), "borrower");
        Map<String, Object> large = Demo.form("RENOVATION", "180000.00", 60, "EQUAL_INSTALLMENT", "1990-01-15", "14000.00",
                "6000.00", "150000.00", "20000.00", "360000.00", BusinessDate.of(stack.clock().now()));
        String id = apply(borrower, large);
        URI application = stack.api().resolve("/v1/applications/" + id);
        until(application, borrower, "IN_REVIEW");

        // a collector has no review queue: neither in the page nor at the API; a reviewer has no workflows
        signIn("col-1", "collector");
        assertThat(browser.findElements(By.id("view-reviews"))).isEmpty();
        assertThat(browser.findElement(By.id("views")).getText()).isEqualTo("Collections\nPortfolio\nLoans");
        assertThat(StackClient.send("GET", stack.api().resolve("/v1/ops/reviews"), token("col-1", "collector"), null,
                UUID.randomUUID().toString()).statusCode()).isEqualTo(403);
        shot("collector-home");

        // the first reviewer decides; above the line it waits for a second person, never the same one
        signIn("rev-1", "reviewer");
        assertThat(browser.findElements(By.id("view-workflows"))).isEmpty();
        By row = By.cssSelector("tr[data-application='" + id + "']");
        WebElement waitingRow = waiting().until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(waitingRow.getText()).contains("180000.00").contains("Needs a second person").contains("left")
                .contains("张*").doesNotContain("13812345678").doesNotContain("6222021234567890123");
        shot("review-queue");
        waitingRow.findElement(By.cssSelector(".reason")).sendKeys("stable salaried income; contract checked");
        waitingRow.findElement(By.cssSelector(".approve")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "AWAITING_CONFIRMATION"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(row, "Your own decision"));
        assertThat(browser.findElement(row).findElements(By.cssSelector(".confirm"))).isEmpty();
        shot("review-awaiting-second-person");

        // the supervisor confirms, in Chinese
        signIn("sup-1", "supervisor");
        browser.findElement(By.id("language")).click();
        WebElement toConfirm = waiting().until(ExpectedConditions.visibilityOfElementLocated(row));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(row, "复核同意"));
        assertThat(toConfirm.getText()).contains("rev-1");
        shot("review-confirm-zh");
        toConfirm.findElement(By.cssSelector(".reason")).sendKeys("收入与合同已核实");
        toConfirm.findElement(By.cssSelector(".confirm")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), id + " → IN_REVIEW"));
        shot("review-confirmed");

        // the workflow goes on to the offer
        JsonNode quoted = until(application, borrower, "QUOTED");
        assertThat(quoted.path("offer").isObject()).isTrue();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(row));

        // the supervisor reads both decisions in the audit, with who, why and how each ended
        browser.findElement(By.id("view-audit")).click();
        WebElement log = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-log")));
        assertThat(log.getText()).contains("rev-1").contains("POST /v1/ops/reviews/" + id)
                .contains("stable salaried income; contract checked").contains("sup-1")
                .contains("POST /v1/ops/reviews/" + id + "/confirmation").contains("收入与合同已核实");
        shot("audit");

        // the borrower accepts and is paid out; the portfolio's charts show the loan in its class
        HttpResponse<String> accepted = StackClient.accept(stack.api(), id, borrower);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        until(application, borrower, "DISBURSED");
        signIn("col-1", "collector");
        browser.findElement(By.id("view-portfolio")).click();
        WebElement mix = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chart-mix svg")));
        for (String chart : new String[] {"chart-rates", "chart-approval", "chart-shares"}) {
            assertThat(browser.findElements(By.cssSelector("#" + chart + " svg rect"))).isNotEmpty();
        }
        String month = BusinessDate.of(stack.clock().now()).toString().substring(0, 7);
        String lent = java.text.NumberFormat.getIntegerInstance(java.util.Locale.US)
                .format(new java.math.BigDecimal(quoted.at("/offer/amount").asText()));
        String before = BusinessDate.of(stack.clock().now()).withDayOfMonth(1).minusDays(1).toString().substring(0, 7);
        assertThat(mix.findElements(By.tagName("title")).stream().map(t -> t.getAttribute("textContent")))
                .as("the loan in this month's books, not in last month's").contains("normal " + month + ": " + lent)
                .contains("normal " + before + ": 0");
        assertThat(browser.findElement(By.id("chart-mix")).getText()).contains("Five-tier mix").contains("special mention");
        shot("portfolio");

        // and reads the loan whole: its schedule and the payout in its journal
        String loanId = StackClient.JSON.readTree(StackClient.send("GET", stack.api().resolve("/v1/loans"), borrower, null,
                UUID.randomUUID().toString()).body()).get(0).path("loanId").asText();
        browser.findElement(By.id("view-loans")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("loan-id"))).sendKeys(loanId);
        browser.findElement(By.id("loan-open")).click();
        WebElement journal = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("loan-journal")));
        assertThat(journal.getText()).contains("DISBURSEMENT").contains("LOANS_RECEIVABLE")
                .contains(quoted.at("/offer/amount").asText());
        assertThat(browser.findElements(By.cssSelector("#loan-schedule tbody tr")))
                .hasSize(quoted.at("/offer/termMonths").asInt());
        shot("loan");
    }

    @Test
    @Order(2)
    void anOperatorFindsTheFailedExecutionsByError_seesWhereOneStopped_andReplaysThemAllInOneAction() throws Exception {
        stack.simulators().scenario("bureau-down");
        List<String> ids = new ArrayList<>();
        List<String> borrowers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String borrower = token("b-" + UUID.randomUUID(), "borrower");
                ids.add(apply(borrower, smallLoan()));
                borrowers.add(borrower);
            }
            for (int i = 0; i < ids.size(); i++) {
                until(stack.api().resolve("/v1/applications/" + ids.get(i)), borrowers.get(i), "FAILED");
            }
        } finally {
            stack.simulators().scenario("normal");
        }

        signIn("op-1", "operator");
        assertThat(browser.findElements(By.id("view-reviews"))).isEmpty();
        browser.findElement(By.id("view-workflows")).click();
        By first = By.cssSelector("tr[data-execution$=':" + ids.get(0) + "']");
        WebElement failed = waiting().until(ExpectedConditions.visibilityOfElementLocated(first));
        String error = failed.findElements(By.tagName("td")).get(4).getText();
        assertThat(error).as(failed.getText()).isNotBlank();

        // one execution over the graph: the state where it stopped, and why
        failed.findElement(By.cssSelector(".open")).click();
        WebElement stopped = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#execution li.stopped")));
        assertThat(browser.findElement(By.id("stopped")).getText()).contains("Failed");
        assertThat(browser.findElement(By.id("recorded")).getText()).contains(error);
        assertThat(browser.findElements(By.cssSelector("#execution li.passed"))).isNotEmpty();
        shot("workflow-execution");
        assertThat(stopped.getAttribute("data-state")).isNotBlank();

        // chosen by error and day, replayed from Score in one action, each with its outcome
        WebElement errorField = browser.findElement(By.id("filter-error"));
        errorField.clear();
        errorField.sendKeys(error);
        String today = BusinessDate.of(stack.clock().now()).toString();
        ((ChromeDriver) browser).executeScript("document.getElementById('filter-since').value = arguments[0];"
                + "document.getElementById('filter-until').value = arguments[0];", today);
        new Select(browser.findElement(By.id("filter-state"))).selectByValue("Score");
        browser.findElement(By.id("search")).click();
        waiting().until(ExpectedConditions.urlContains("error="));
        for (String id : ids) {
            WebElement listed = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("tr[data-execution$=':" + id + "']")));
            assertThat(listed.findElement(By.cssSelector(".state")).getText()).as("stopped at the score").isEqualTo("Score");
        }
        shot("workflows-failed-by-error");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("select-all"))).click();
        new Select(browser.findElement(By.id("batch-action"))).selectByValue("REPLAY:Score");
        browser.findElement(By.id("batch-reason")).sendKeys("the bureau is back");
        browser.findElement(By.id("batch-run")).click();
        int selected = browser.findElements(By.cssSelector(".pick:checked")).size();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("batch-count"), selected + " of " + selected));
        for (String id : ids) {
            assertThat(browser.findElement(By.cssSelector("tr[data-execution$=':" + id + "'] .outcome")).getText())
                    .isEqualTo("REPLAYED");
        }
        shot("workflows-batch-replayed");
        for (int i = 0; i < ids.size(); i++) {
            until(stack.api().resolve("/v1/applications/" + ids.get(i)), borrowers.get(i), "QUOTED");
        }
    }

    /** Last: it moves the stack's clock weeks ahead. */
    @Test
    @Order(3)
    void aCollectorLogsCallsUntilTheRulesRefuseOne_takesAPromise_andHandsALoanToAnAgency() throws Exception {
        String borrower = token("b-" + UUID.randomUUID(), "borrower");
        String id = apply(borrower, smallLoan());
        URI application = stack.api().resolve("/v1/applications/" + id);
        until(application, borrower, "QUOTED");
        assertThat(StackClient.accept(stack.api(), id, borrower).statusCode()).isEqualTo(200);
        until(application, borrower, "DISBURSED");
        JsonNode loan = StackClient.JSON.readTree(StackClient.send("GET", stack.api().resolve("/v1/loans"), borrower, null,
                UUID.randomUUID().toString()).body()).get(0);
        String loanId = loan.path("loanId").asText();
        LocalDate firstDue = LocalDate.parse(StackClient.JSON.readTree(StackClient.send("GET",
                stack.api().resolve("/v1/loans/" + loanId + "/schedule"), borrower, null, UUID.randomUUID().toString())
                .body()).get(0).path("dueDate").asText());

        // the borrower's account is empty: every auto-debit fails, and 35 days after the first due date it is 10:00
        stack.simulators().scenario("collection-insufficient-funds");
        try {
            Instant tenAm = firstDue.plusDays(35).atTime(10, 0).atZone(BusinessDate.CHINA).toInstant();
            HttpResponse<String> moved = StackClient.send("POST", stack.aws().resolve("/_local/clock"), null,
                    Map.of("advance", Duration.between(stack.clock().now(), tenAm).toString()), UUID.randomUUID().toString());
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        } finally {
            stack.simulators().scenario("normal");
        }

        signIn("col-1", "collector");
        browser.findElement(By.id("view-collections")).click();
        new Select(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tier")))).selectByValue("AGENCY");
        browser.findElement(By.id("tier-show")).click();
        By listed = By.cssSelector("a.open-loan[href$='loan=" + loanId + "']");
        WebElement row = waiting().until(ExpectedConditions.visibilityOfElementLocated(listed)).findElement(By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains("35").contains("to hand over").contains("now");
        shot("collections-agency-tier");
        browser.findElement(listed).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("call-form")));
        assertThat(browser.findElement(By.id("collection-loan")).getText()).contains("张*").contains("138****5678")
                .doesNotContain("13812345678");

        // six unanswered calls to the borrower's mobile, then the seventh is refused, and the rule is named
        for (int i = 1; i <= 6; i++) {
            waiting().until(ExpectedConditions.elementToBeClickable(By.id("call-log"))).click();
            int made = i;
            waiting().until(b -> b.findElements(By.cssSelector("#loan-calls tbody tr")).size() == made);
        }
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("call-log"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
                "6 unanswered calls to this number today: no more until 08:00 tomorrow"));
        // the page draws itself again after the notice: the six calls come back, the refused one is not among them
        waiting().until(b -> b.findElements(By.cssSelector("#loan-calls tbody tr")).size() == 6);
        shot("collections-call-refused");

        // a relative is not told of the debt
        new Select(browser.findElement(By.id("call-party"))).selectByValue("THIRD_PARTY");
        browser.findElement(By.id("call-number")).sendKeys("13900001111");
        new Select(browser.findElement(By.id("call-outcome"))).selectByValue("LEFT_MESSAGE");
        browser.findElement(By.id("call-log")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "never discussed with anyone but the borrower"));

        // on another number the borrower answers and promises to pay
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("call-number"))).sendKeys("13900002222");
        new Select(browser.findElement(By.id("call-outcome"))).selectByValue("PROMISE_TO_PAY");
        browser.findElement(By.id("promise-amount")).sendKeys("500.00");
        ((ChromeDriver) browser).executeScript("document.getElementById('promise-by').value = arguments[0];",
                firstDue.plusDays(38).toString());
        browser.findElement(By.id("call-note")).sendKeys("salary on Friday");
        browser.findElement(By.id("call-log")).click();
        waiting().until(b -> b.findElements(By.cssSelector("#loan-calls tbody tr")).size() == 7);
        assertThat(browser.findElement(By.id("loan-calls")).getText()).contains("139****2222").contains("promise to pay")
                .contains("¥500.00 by " + firstDue.plusDays(38) + " · pending").contains("salary on Friday");

        // beyond 30 days: handed to an agency on the whitelist, with the fields it was given
        new Select(browser.findElement(By.id("handover-agency"))).selectByValue("huaxin");
        browser.findElement(By.id("handover-reason")).sendKeys("35 days past due, six calls unanswered");
        browser.findElement(By.id("handover-send")).click();
        WebElement handed = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("handed-over")));
        assertThat(handed.getText()).contains("Huaxin").contains("col-1").contains("LOAN_REFERENCE, BORROWER_NAME, MOBILE");
        assertThat(browser.findElements(By.id("handover-form"))).isEmpty();
        assertThat(browser.findElement(listed).findElement(By.xpath("./ancestor::tr")).getText()).contains("with the agency");
        shot("collections-handed-over");
    }
}
