package dev.confab.server.web;

import dev.confab.server.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium (Debian's {@code chromium} driven by its {@code chromedriver}) with its own
 * profile, so two of them are two separate browsers: separate cookies, storage and IndexedDB. Tests
 * that need it call {@link #start}; without Chromium they are skipped (failed under
 * {@code CONFAB_REQUIRE_SERVICES=true}, as CI runs them). Screenshots go to
 * {@code target/web-screenshots/} as test artifacts.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CONFAB_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CONFAB_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "web-screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A new browser for the server at {@code base}, preferring {@code language} (e.g. "en-US"). */
    static Browser start(String base, String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            TestDatabases.serviceMissing("Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=" + language,
                "--no-first-run", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    void open(String path) {
        driver.get(base + path);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Waits until the condition holds (polling, with a deadline). */
    void until(Callable<Boolean> condition) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(condition);
    }

    /** The first element matching css, waiting for it to be there. */
    WebElement find(String css) {
        until(() -> !driver.findElements(By.cssSelector(css)).isEmpty());
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        until(() -> {
            driver.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** Clicks the first element matching css whose text contains text. */
    void clickText(String css, String text) {
        until(() -> {
            for (WebElement e : all(css)) {
                if (e.getText().contains(text)) {
                    e.click();
                    return true;
                }
            }
            return false;
        });
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** The element's visible text. */
    String text(String css) {
        return find(css).getText();
    }

    boolean has(String css) {
        return !all(css).isEmpty();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void go(String hash) {
        js("location.hash = arguments[0]", hash);
    }

    /** After {@link #go}: waits for what the screen at {@code hash} loads from the server. */
    void awaitLoaded(String hash) {
        if (hash.startsWith("#/chat/") && hash.endsWith("/info")) {
            find(".members .person");
        } else if (hash.startsWith("#/chat/")) {
            find(".log .msg, .log .system");
        } else if (hash.equals("#/rooms")) {
            find(".rooms .room");
        } else if (hash.equals("#/settings")) {
            find(".sessions .session");
        } else if (hash.equals("#/contacts/requests")) {
            find(".incoming .person");
        } else if (hash.equals("#/chats")) {
            find(".conv");
        }
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves a PNG of the viewport under target/web-screenshots/. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Errors the page logged: uncaught exceptions and CSP violations. HTTP error answers the app expects
     * and handles (a 401 before signing in, a 404 for a room that does not exist, a refused connection
     * while the server is down) are left out.
     */
    List<String> severeLogs() {
        return driver.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString)
                .filter(m -> !m.contains("Failed to load resource") && !m.contains("net::ERR_CONNECTION_REFUSED"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
