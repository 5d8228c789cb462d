// Hash routes of a signed-in session. Every view is { el, update?(change), mounted?(), destroy?() }.
import { chatsView } from './chats.js';
import { contactsView } from './contacts.js';
import { newGroupView } from './new-group.js';
import { infoView } from './info.js';
import { roomsView } from './rooms.js';
import { settingsView } from './settings.js';

export function viewFor(hash, ctx) {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const id = Number(parts[1]);
  switch (parts[0]) {
    case 'chat':
      if (parts[2] === 'info') return infoView(ctx, id);
      return chatsView(ctx, { conversationId: id });
    case 'new': {
      const existing = ctx.store.directWith(id);
      return chatsView(ctx, existing ? { conversationId: existing.id } : { peerId: id });
    }
    case 'contacts': return contactsView(ctx, parts[1] || 'friends');
    case 'groups': return newGroupView(ctx);
    case 'rooms': return roomsView(ctx);
    case 'settings': return settingsView(ctx);
    default: return chatsView(ctx, {});
  }
}
