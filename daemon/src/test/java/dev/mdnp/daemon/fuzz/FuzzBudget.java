package dev.mdnp.daemon.fuzz;

import java.security.SecureRandom;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets how many cases the fuzzer runs, and with which seed, from system properties, so that CI's bounded run and a
 * long run are the same test: {@code -Dmdnp.fuzz.cases=N} (default {@value #CI_CASES}) and
 * {@code -Dmdnp.fuzz.seed=S} (default: a new random seed). The seed is printed before the first case, so that a
 * run that fails, or hangs, can be repeated.
 *
 * <p>A jqwik lifecycle hook: jqwik creates it.
 */
public final class FuzzBudget implements AroundPropertyHook {

    /** The cases of one CI run. */
    static final int CI_CASES = 100_000;

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        int cases = Integer.getInteger("mdnp.fuzz.cases", CI_CASES);
        String seed = System.getProperty("mdnp.fuzz.seed", "");
        if (seed.isEmpty()) {
            seed = Long.toString(new SecureRandom().nextLong());
        }
        context.attributes().setTries(cases);
        context.attributes().setSeed(seed);
        System.out.printf("fuzz: %d cases, seed %s (repeat with -Dmdnp.fuzz.seed=%s)%n", cases, seed, seed);
        return property.execute();
    }
}
