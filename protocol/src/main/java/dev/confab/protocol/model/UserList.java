package dev.confab.protocol.model;

import java.util.List;

/** Public profiles: search results, or profiles looked up by id (unknown ids are left out). */
public record UserList(List<UserView> users) {
}
