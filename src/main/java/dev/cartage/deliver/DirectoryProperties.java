package dev.cartage.deliver;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where {@code "to": "directory"} delivery may write (docs/api.md: {@code path} is relative to the configured output
 * root). A request can never name a directory outside the root: {@code ..}, absolute paths and symbolic links that
 * lead out are refused with a 400 before the run starts.
 *
 * @param root the output root. Default unset: directory delivery is then refused (400 on {@code deliver.to}), so a
 *             service never writes to its disk unless its operator said where. Created at startup when missing; a
 *             root that cannot be created or is not a directory stops the service from starting. Relative paths
 *             are relative to the service's working directory, e.g. {@code ./cartage-output}
 */
@ConfigurationProperties("cartage.deliver.directory")
public record DirectoryProperties(Path root) {
}
