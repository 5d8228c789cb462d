package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.AppendResult;
import dev.confab.server.messages.NewMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PostgresAppendBatch} on its own, one batch at a time, so that every kind of item is sure to share
 * one batch (through group commit, which items share a batch depends on timing).
 */
class PostgresAppendBatchTest extends StoreContract {

    @RegisterExtension
    static final JdbcStoresExtension DATABASE = JdbcStoresExtension.postgres();

    private static final Instant EARLY = Instant.parse("2030-06-01T12:00:00.100Z");
    private static final Instant LATE = Instant.parse("2030-06-01T12:00:09.900Z");
    private static final RuntimeException DUPLICATE = new IllegalStateException("duplicate in batch");

    @Override
    protected Stores stores() {
        return DATABASE.stores();
    }

    @Test
    void eachItemOfAMixedBatchGetsItsOwnAnswerAndOnlyAcceptedOnesTakeSeqs() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        AccountId carol = newAccount();
        ConversationId direct = newDirect(alice, bob);
        ConversationId other = newDirect(alice, carol);
        ConversationId disbanded = newDirect(bob, carol);
        sql("UPDATE conversations SET disbanded_at = 1 WHERE id = ?", disbanded.value());

        List<NewMessage> batch = List.of(
                message(direct, alice, "a1", LATE),
                message(direct, bob, "b1", EARLY),
                message(direct, carol, "c1", EARLY),                            // not a member
                message(direct, alice, "a1", EARLY),                            // the same key again
                message(other, alice, "a2", EARLY),
                message(disbanded, bob, "b2", EARLY),
                message(new ConversationId(Long.MAX_VALUE), alice, "a3", EARLY), // no such conversation
                message(direct, alice, "a4", EARLY));

        List<Object> outcomes = run(batch);

        assertThat(seq(outcomes.get(0))).isEqualTo(1);
        assertThat(seq(outcomes.get(1))).isEqualTo(2);
        assertRefused(outcomes.get(2), ErrorCode.CONVERSATION_NOT_FOUND);
        assertThat(outcomes.get(3)).isEqualTo(GroupCommit.failed(DUPLICATE));
        assertThat(seq(outcomes.get(4))).isEqualTo(1);
        assertRefused(outcomes.get(5), ErrorCode.CONVERSATION_DISBANDED);
        assertRefused(outcomes.get(6), ErrorCode.CONVERSATION_NOT_FOUND);
        assertThat(seq(outcomes.get(7))).isEqualTo(3);

        assertThat(stores().messages().after(direct, 0, 10).messages())
                .extracting(m -> m.clientMessageId() + "@" + m.seq()).containsExactly("a1@1", "b1@2", "a4@3");
        assertThat(query("SELECT last_seq FROM conversations WHERE id = ?", direct.value())).isEqualTo(3);
        assertThat(query("SELECT updated_at FROM conversations WHERE id = ?", direct.value()))
                .isGreaterThanOrEqualTo(LATE.toEpochMilli());
        assertThat(query("SELECT last_seq FROM conversations WHERE id = ?", disbanded.value())).isZero();
        assertThat(readSeq(direct, alice)).isEqualTo(3);
        assertThat(readSeq(direct, bob)).isEqualTo(2);
        assertThat(readSeq(other, alice)).isEqualTo(1);
        assertThat(readSeq(other, carol)).isZero();
    }

    @Test
    void aKeyStoredBeforeMakesTheBatchRedoItemByItemAndWritesNothing() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        ConversationId direct = newDirect(alice, bob);
        stores().messages().append(message(direct, alice, "stored", EARLY));

        assertThatThrownBy(() -> run(List.of(message(direct, bob, "fresh", EARLY), message(direct, alice, "stored", LATE))))
                .isInstanceOf(GroupCommit.RedoItemByItem.class);

        assertThat(stores().messages().after(direct, 0, 10).messages()).extracting(m -> m.clientMessageId())
                .containsExactly("stored");
        assertThat(query("SELECT last_seq FROM conversations WHERE id = ?", direct.value())).isEqualTo(1);
    }

    @Test
    void throughTheStoreAResendInABatchIsAnsweredWithTheOriginal() throws Exception {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        ConversationId direct = newDirect(alice, bob);
        AppendResult original = stores().messages().append(message(direct, alice, "again", EARLY));

        List<AppendResult> results = concurrently(20, i -> stores().messages()
                .append(message(direct, i % 2 == 0 ? alice : bob, i % 2 == 0 ? "again" : "b" + i, EARLY)));

        assertThat(results.stream().filter(r -> r.message().clientMessageId().equals("again")))
                .allSatisfy(r -> {
                    assertThat(r.duplicate()).isTrue();
                    assertThat(r.message()).isEqualTo(original.message());
                });
        assertThat(stores().messages().after(direct, 0, 100).messages()).extracting(m -> m.seq())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    private List<Object> run(List<NewMessage> batch) {
        return new Transactions(DATABASE.database()).write("test batch",
                c -> new PostgresAppendBatch(DUPLICATE).run(c, batch));
    }

    private static long seq(Object outcome) {
        assertThat(outcome).isInstanceOf(AppendResult.class);
        AppendResult result = (AppendResult) outcome;
        assertThat(result.duplicate()).isFalse();
        return result.message().seq();
    }

    private static void assertRefused(Object outcome, ErrorCode code) {
        assertThat(outcome).isInstanceOf(GroupCommit.Failure.class);
        assertThat(((GroupCommit.Failure) outcome).error()).isInstanceOfSatisfying(ConfabException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private long readSeq(ConversationId conversation, AccountId account) {
        return query("SELECT read_seq FROM conversation_members WHERE conversation_id = ? AND account_id = ?",
                conversation.value(), account.value());
    }

    private long query(String sql, Object... parameters) {
        return new Transactions(DATABASE.database()).read("test query",
                c -> Sql.queryFirst(c, sql, row -> row.getLong(1), parameters).orElseThrow());
    }

    private void sql(String sql, Object... parameters) {
        new Transactions(DATABASE.database()).write("test update", c -> Sql.update(c, sql, parameters));
    }
}
