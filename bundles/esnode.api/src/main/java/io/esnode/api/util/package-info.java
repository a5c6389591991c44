/** Small helpers every driver bundle uses: status tracking, rate-limited logging, named threads, point specs. */
@Export
@Version("1.1.0")
package io.esnode.api.util;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
