package dev.confab.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar manifest at build time. */
public final class ConfabVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ConfabVersion.class.getPackage().getImplementationVersion();
        return new String[] {"confab " + (version == null ? "development build" : version)
                + " (Java " + Runtime.version() + ")"};
    }
}
