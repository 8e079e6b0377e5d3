package dev.mdnp.daemon.activation;

/** The process-wide changes socket activation makes: moving a file descriptor and removing environment variables. */
interface ProcessDescriptors {

    /**
     * Moves {@code fd} onto standard input, fd 0, which is the only one {@code System.inheritedChannel()} looks at,
     * and closes {@code fd}.
     *
     * @throws ActivationException if the C library refuses
     */
    void moveToStandardInput(int fd);

    /** Removes {@code name} from the process's environment, so that processes started later do not see it. */
    void unsetEnvironment(String name);
}
