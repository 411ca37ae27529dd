package org.microloan.localstack;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;
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
 * development issuer, each role sees its views, and a large referred application is decided by two people.
 * Screenshots of each page go to target/console-screenshots.
 */
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

    @Test
    void staffSignIn_seeTheirRolesViews_andTwoPeopleDecideALargeReferral() throws Exception {
        String borrower = token("b-" + UUID.randomUUID(), "borrower");
        Map<String, Object> large = Demo.form("RENOVATION", "180000.00", 60, "EQUAL_INSTALLMENT", "1990-01-15", "14000.00",
                "6000.00", "150000.00", "20000.00", "360000.00", BusinessDate.of(stack.clock().now()));
        HttpResponse<String> applied = StackClient.send("POST", stack.api().resolve("/v1/applications"), borrower, large,
                UUID.randomUUID().toString());
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);
        String id = StackClient.JSON.readTree(applied.body()).path("applicationId").asText();
        URI application = stack.api().resolve("/v1/applications/" + id);
        until(application, borrower, "IN_REVIEW");

        // a collector has no review queue: neither in the page nor at the API; a reviewer has no workflows
        signIn("col-1", "collector");
        assertThat(browser.findElements(By.id("view-reviews"))).isEmpty();
        assertThat(browser.findElement(By.id("views")).getText()).isEqualTo("Portfolio\nLoans");
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
    void anOperatorFindsTheFailedExecutionsByError_seesWhereOneStopped_andReplaysThemAllInOneAction() throws Exception {
        stack.simulators().scenario("bureau-down");
        List<String> ids = new ArrayList<>();
        List<String> borrowers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String borrower = token("b-" + UUID.randomUUID(), "borrower");
                Map<String, Object> form = Demo.form("EMERGENCY", "3000.00", 3, "DAILY_ACCRUAL", "1996-05-04", "12000.00",
                        "3500.00", "80000.00", "0.00", "6000.00", BusinessDate.of(stack.clock().now()));
                HttpResponse<String> applied = StackClient.send("POST", stack.api().resolve("/v1/applications"), borrower,
                        form, UUID.randomUUID().toString());
                assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);
                ids.add(StackClient.JSON.readTree(applied.body()).path("applicationId").asText());
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
        browser.findElement(By.id("search")).click();
        waiting().until(ExpectedConditions.urlContains("error="));
        for (String id : ids) {
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-execution$=':" + id + "']")));
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
}
