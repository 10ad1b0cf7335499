package io.chargegate.store.internal;

import io.chargegate.store.StateStore;
import io.chargegate.store.StateStoreFactory;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/** The {@link StateStoreFactory} service: opens MVStore-backed stores. Stateless. */
@Component(service = StateStoreFactory.class)
public final class MvStateStoreFactory implements StateStoreFactory {

    @Override
    public StateStore open(Path file) {
        return MvStateStore.open(file);
    }
}
