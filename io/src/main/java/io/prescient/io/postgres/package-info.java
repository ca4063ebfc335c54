/**
 * The PostgreSQL store: the same tables and behaviour as the embedded one, for several server
 * instances sharing one database (each in its own schema if wanted).
 */
package io.prescient.io.postgres;
