package dev.ferro.tck.support;

import org.jboss.arquillian.container.test.api.Deployer;

/** Deployments that must fail, deployed by hand from a {@code @RunAsClient} test. */
public final class Deployments {
    private Deployments() {
    }

    /**
     * Deploys the unmanaged deployment {@code name}, which must fail, and returns every message of the
     * failure's cause chain (see {@link TckSupport#messages}). The type of the failure is the container's:
     * a server wraps it in Arquillian's {@code DeploymentException}; Weld embedded throws what Weld threw (a
     * {@code DeploymentException} for a deployment problem, or a {@code DefinitionException} from an
     * implementation that reports definition errors). The tests check the messages.
     */
    public static String failure(Deployer deployer, String name) {
        // Weld embedded leaves the failed deployment's class loader as the thread's context class loader.
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        String messages;
        try {
            deployer.deploy(name);
            messages = null;
        } catch (Exception e) {
            // Not only RuntimeException: a server's failure is Arquillian's checked DeploymentException, which
            // Deployer.deploy rethrows undeclared.
            messages = TckSupport.messages(e);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        if (messages == null) {
            deployer.undeploy(name);
            throw new AssertionError("The deployment " + name + " was expected to fail, and it started");
        }
        return messages;
    }
}
