package io.aegisops.testsupport;

import io.aegisops.contract.StackScope;

/**
 * The AegisOps stack the module tests' throw-away containers belong to ({@code aegis.stack}). A stack a user runs on
 * the same engine (./aegisops up) leaves them alone, so its incident history gets nothing from a test run and it
 * restarts none of them under a test; the tests' own watchers and executors take them with {@link #SCOPE}
 * (services under @QuarkusTest get it from {@code %test.aegis.stack.name}).
 */
public final class TestStack {

    public static final String NAME = "aegisops-module-tests";
    public static final StackScope SCOPE = new StackScope(NAME, false);

    private TestStack() {
    }
}
