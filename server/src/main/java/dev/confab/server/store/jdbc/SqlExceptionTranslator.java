package dev.confab.server.store.jdbc;

import dev.confab.server.errors.StoreUnavailableException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.regex.Pattern;
import org.sqlite.SQLiteException;

/**
 * Sorts database failures into "unavailable, retry later" ({@link StoreUnavailableException}: the
 * database cannot be reached, timed out, is busy, out of resources or shutting down) and bugs
 * ({@link IllegalStateException}). Messages never contain the password or URL credentials.
 */
final class SqlExceptionTranslator {

    /** PostgreSQL SQLSTATE classes and codes that mean the server is unreachable or temporarily unable. */
    private static final Set<String> UNAVAILABLE_STATE_CLASSES = Set.of("08", "53");
    private static final Set<String> UNAVAILABLE_STATES =
            Set.of("57014", "57P01", "57P02", "57P03", "57P05", "40001", "40P01");

    /** SQLite primary result codes: BUSY, LOCKED, IOERR, FULL, CANTOPEN. */
    private static final Set<Integer> UNAVAILABLE_SQLITE_CODES = Set.of(5, 6, 10, 13, 14);

    private static final Pattern URL_USER_INFO = Pattern.compile("//[^/@\\s]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s]*");

    private final String password;

    SqlExceptionTranslator(String password) {
        this.password = password == null || password.isEmpty() ? null : password;
    }

    /** The exception to throw for {@code failure} during {@code operation} (a short name, no data). */
    RuntimeException translate(String operation, SQLException failure) {
        if (isUnavailable(failure)) {
            return unavailable(operation, failure);
        }
        String state = failure.getSQLState() == null ? "" : " (SQLState " + failure.getSQLState() + ")";
        return new IllegalStateException("database error during " + operation + state, failure);
    }

    StoreUnavailableException unavailable(String operation, Throwable failure) {
        return new StoreUnavailableException("database unavailable during " + operation + ": " + describe(failure));
    }

    /** Whether {@code failure} or one of its causes says the database cannot serve us right now. */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLiteException sqlite
                    && UNAVAILABLE_SQLITE_CODES.contains(sqlite.getResultCode().code & 0xFF)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && hasUnavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUnavailableState(String state) {
        return UNAVAILABLE_STATES.contains(state)
                || state.length() >= 2 && UNAVAILABLE_STATE_CLASSES.contains(state.substring(0, 2));
    }

    /** The outermost and innermost messages and the SQLState, with credentials removed. */
    String describe(Throwable failure) {
        Throwable root = failure;
        String state = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (state == null && t instanceof SQLException sql) {
                state = sql.getSQLState();
            }
        }
        String message = messageOf(failure);
        if (root != failure) {
            message = message + ": " + messageOf(root);
        }
        return state == null ? message : message + " (SQLState " + state + ")";
    }

    private String messageOf(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : redact(t.getMessage());
    }

    String redact(String text) {
        String result = URL_USER_INFO.matcher(text).replaceAll("//");
        result = PASSWORD_PARAMETER.matcher(result).replaceAll("$1***");
        return password == null ? result : result.replace(password, "***");
    }
}
