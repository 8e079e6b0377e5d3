package dev.mdnp.daemon.activation;

import java.util.ArrayList;
import java.util.List;

/** Remembers what socket activation did to the process, in order, instead of doing it. */
final class RecordingProcessDescriptors implements ProcessDescriptors {

    final List<String> calls = new ArrayList<>();

    @Override
    public void moveToStandardInput(int fd) {
        calls.add("move " + fd);
    }

    @Override
    public void unsetEnvironment(String name) {
        calls.add("unset " + name);
    }
}
