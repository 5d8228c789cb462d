package dev.confab.protocol.model;

import java.util.List;

/** The people the caller blocked, newest first. */
public record BlockList(List<BlockView> blocked) {
}
