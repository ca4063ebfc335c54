/**
 * Problems found in user input, described so that a person can find and fix them: the file (or
 * other source), the line, the field, what was found and what was expected.
 */
package io.prescient.core.validation;
