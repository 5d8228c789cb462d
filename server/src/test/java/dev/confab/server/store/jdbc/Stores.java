package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountStore;
import dev.confab.server.accounts.BulkAccountStore;
import dev.confab.server.accounts.SessionStore;
import dev.confab.server.conversations.ConversationStore;
import dev.confab.server.conversations.MembershipStore;
import dev.confab.server.messages.MessageStore;

/** The storage ports under test, all over one database. */
record Stores(AccountStore accounts, SessionStore sessions, ConversationStore conversations, MessageStore messages,
              MembershipStore memberships, BulkAccountStore bulkAccounts) {

    static Stores jdbc(Database database) {
        return new Stores(new JdbcAccountStore(database), new JdbcSessionStore(database),
                new JdbcConversationStore(database), new JdbcMessageStore(database), new JdbcMembershipStore(database),
                new JdbcBulkAccountStore(database));
    }
}
