package io.chargegate.store;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * OSGi service that opens {@link StateStore}s; the same as {@link StateStore#open(Path)}, as a service so that
 * consumers can depend on it with {@code @Reference}.
 */
@ProviderType
public interface StateStoreFactory {

    /**
     * @param file the store file
     * @return the open store
     * @throws StoreException as {@link StateStore#open(Path)}
     */
    StateStore open(Path file);
}
