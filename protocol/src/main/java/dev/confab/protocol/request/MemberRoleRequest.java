package dev.confab.protocol.request;

/** PUT /api/v1/conversations/{id}/members/{userId}/role: ADMIN or MEMBER. */
public record MemberRoleRequest(String role) {
}
