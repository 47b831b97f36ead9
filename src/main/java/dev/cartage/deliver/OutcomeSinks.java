package dev.cartage.deliver;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Opens the sink a run's plan names. */
@Component
public class OutcomeSinks {

    private final WebhookDelivery webhooks;
    private final DirectoryDelivery directories;

    public OutcomeSinks(WebhookDelivery webhooks, DirectoryDelivery directories) {
        this.webhooks = webhooks;
        this.directories = directories;
    }

    /**
     * The sink for one run.
     *
     * @param store the run's own log, which is the destination of {@code store} runs
     */
    public OutcomeSink open(String runId, DeliverPlan plan, OutcomeLog store) {
        switch (plan.to()) {
            case STORE:
                return outcome -> Mono.fromRunnable(() -> store.append(outcome));
            case WEBHOOK:
                return webhooks.open(runId, plan.webhook());
            case DIRECTORY:
                return directories.open(runId, plan.directory());
            default:
                // discard: counted by the run, kept nowhere; response: the HTTP response reads the stage's output
                return outcome -> Mono.empty();
        }
    }
}
