package dev.mdnp.daemon.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets how many cases the fuzzer runs, and with which seed, from system properties, so that CI's bounded run and a
 * long run are the same test: {@code -Dmdnp.fuzz.cases=N} (default {@value #CI_CASES}) and
 * {@code -Dmdnp.fuzz.seed=S} (default: a new random seed, which jqwik prints in its report).
 */
public final class FuzzBudget implements AroundPropertyHook {

    /** The cases of one CI run. */
    static final int CI_CASES = 100_000;

    /** Returns the number of cases this run makes. */
    static int cases() {
        return Integer.getInteger("mdnp.fuzz.cases", CI_CASES);
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        context.attributes().setTries(cases());
        String seed = System.getProperty("mdnp.fuzz.seed", "");
        if (!seed.isEmpty()) {
            context.attributes().setSeed(seed);
        }
        return property.execute();
    }
}
