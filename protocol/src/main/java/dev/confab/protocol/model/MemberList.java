package dev.confab.protocol.model;

import java.util.List;

/** Members: owner first, then admins, then members by joining time. */
public record MemberList(List<MemberView> members) {
}
