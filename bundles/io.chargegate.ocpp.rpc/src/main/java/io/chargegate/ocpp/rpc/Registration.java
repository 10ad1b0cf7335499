package io.chargegate.ocpp.rpc;

import org.osgi.annotation.versioning.ProviderType;

/** The handle of a handler added with {@link RpcSession#addHandler}; {@link #remove()} unregisters it. */
@ProviderType
public interface Registration {
    /**
     * Unregisters the handler: CALLs that arrive afterwards are answered with {@code NotSupported}; CALLs the
     * handler is already working on are still answered by it (or by the handler timeout). Idempotent; callable
     * from any thread.
     */
    void remove();
}
