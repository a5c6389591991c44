/** Read-only view of PUE scopes, provided by the PUE bundle and consumed by consoles. */
@Export
@Version("1.0.0")
package io.esnode.api.pue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
