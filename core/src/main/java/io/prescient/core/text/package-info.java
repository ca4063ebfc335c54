/**
 * Reading delimited text the same way everywhere: a byte-order mark, blanks around fields, CRLF,
 * quoted fields and gzip are tolerated; lines are counted so that every error can name one.
 */
package io.prescient.core.text;
