/** Driver SPI, points, readings, driver status and the shared reading store. */
@Export
@Version("1.0.0")
package io.esnode.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
