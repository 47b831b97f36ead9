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
     * The sink for one run. A {@code store} run's outcomes are stored by the run itself as they leave the deliver
     * stage, in batches, like the records every run keeps; its sink has nothing more to do.
     */
    public OutcomeSink open(String runId, DeliverPlan plan) {
        switch (plan.to()) {
            case WEBHOOK:
                return webhooks.open(runId, plan.webhook());
            case DIRECTORY:
                return directories.open(runId, plan.directory());
            default:
                // store: stored by the run; discard: counted by the run, kept nowhere; response: the HTTP response
                // reads the stage's output
                return outcome -> Mono.empty();
        }
    }
}
