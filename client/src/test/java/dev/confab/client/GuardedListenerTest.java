package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class GuardedListenerTest {

    /** A callback added to the listener interface but not forwarded would be swallowed silently. */
    @Test
    void forwardsEveryCallback() throws Exception {
        for (Method callback : ConnectionListener.class.getMethods()) {
            Method forwarded = GuardedListener.class.getMethod(callback.getName(), callback.getParameterTypes());
            assertThat(forwarded.getDeclaringClass()).as(callback.getName()).isEqualTo(GuardedListener.class);
        }
    }
}
