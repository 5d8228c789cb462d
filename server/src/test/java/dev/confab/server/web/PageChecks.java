package dev.confab.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Checks on what a page offers people who use a keyboard, a screen reader or a phone: the focus is
 * visible, every control has an accessible name (as Chromium computes it for screen readers), and
 * nothing makes the page scroll sideways.
 */
final class PageChecks {
    /** Roles of things a person operates; each needs a name a screen reader can say. */
    private static final Set<String> CONTROL_ROLES = Set.of("button", "link", "textbox", "searchbox", "combobox",
            "checkbox", "radio", "switch", "slider", "spinbutton", "listbox", "tab", "menuitem", "textField",
            "textFieldWithComboBox", "popUpButton", "comboBoxSelect", "comboBoxMenuButton", "ListBox");

    /** null when the focused element shows a focus ring of at least 2 px and is on screen, else why not. */
    private static final String FOCUS_PROBLEM = """
            const el = document.activeElement;
            if (!el || el === document.body) return 'nothing has the focus';
            const style = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
              && r.top < innerHeight && r.left < innerWidth;
            if (ring && onScreen) return null;
            return `no visible focus on <${el.tagName.toLowerCase()} class="${el.className}"> `
              + `"${(el.textContent || el.value || '').trim().slice(0, 40)}": outline ${style.outlineStyle} `
              + `${style.outlineWidth}, at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;
            """;

    /** Visible inputs, selects and text areas without a label element or aria-label(ledby). */
    private static final String UNLABELLED_FIELDS = """
            return [...document.querySelectorAll('input, select, textarea')]
              .filter((el) => el.type !== 'hidden' && el.getClientRects().length > 0)
              .filter((el) => !(el.labels && [...el.labels].some((l) => l.textContent.trim()))
                && !(el.getAttribute('aria-label') || '').trim() && !el.getAttribute('aria-labelledby'))
              .map((el) => el.outerHTML.slice(0, 120));
            """;

    /** Why the page (or a part of it) scrolls sideways or sticks out past the viewport. */
    private static final String SIDEWAYS = """
            const width = document.documentElement.clientWidth;
            const out = [];
            const root = document.scrollingElement;
            if (root.scrollWidth > width) out.push(`the page is ${root.scrollWidth} px wide in ${width}`);
            const name = (el) => `<${el.tagName.toLowerCase()} class="${el.className?.baseVal ?? el.className}">`;
            for (const el of document.querySelectorAll('body *')) {
              if (el.closest('.sr-only, .skip')) continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              const style = getComputedStyle(el);
              if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
                out.push(`${name(el)} scrolls sideways (${el.scrollWidth} in ${el.clientWidth})`);
              }
              if (r.right > width + 1 || r.left < -1) out.push(`${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}`);
            }
            return out;
            """;

    private PageChecks() {
    }

    static void press(Browser browser, CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    static boolean focusedMatches(Browser browser, String css) {
        return Boolean.TRUE.equals(browser.js("return document.activeElement.matches(arguments[0])", css));
    }

    static void assertFocusVisible(Browser browser) {
        assertThat(browser.js(FOCUS_PROBLEM)).as("focus on " + browser.driver().getCurrentUrl()).isNull();
    }

    /**
     * Presses Tab (or Shift+Tab) until the focused element matches css, checking at every stop that the
     * focus can be seen.
     */
    static void tabTo(Browser browser, String css, boolean backwards) {
        for (int i = 0; i < 80; i++) {
            if (backwards) {
                new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                press(browser, Keys.TAB);
            }
            assertFocusVisible(browser);
            if (focusedMatches(browser, css)) {
                return;
            }
        }
        fail("Tab never reached " + css + " on " + browser.driver().getCurrentUrl());
    }

    /** Controls (by role, as Chromium's accessibility tree has them) that have no accessible name. */
    @SuppressWarnings("unchecked")
    static List<String> unnamedControls(Browser browser) {
        Map<String, Object> tree = browser.driver().executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        List<String> out = new ArrayList<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) tree.get("nodes")) {
            if (Boolean.TRUE.equals(node.get("ignored"))) {
                continue;
            }
            String role = valueOf(node.get("role"));
            String name = valueOf(node.get("name"));
            if (CONTROL_ROLES.contains(role) && name.isBlank()) {
                out.add(role + " #" + node.get("backendDOMNodeId"));
            }
        }
        List<String> fields = (List<String>) browser.js(UNLABELLED_FIELDS);
        out.addAll(fields.stream().map(f -> "unlabelled field " + f).toList());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String valueOf(Object property) {
        if (property instanceof Map<?, ?> map && map.get("value") != null) {
            return String.valueOf(((Map<String, Object>) map).get("value"));
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    static List<String> sideways(Browser browser) {
        return (List<String>) browser.js(SIDEWAYS);
    }
}
