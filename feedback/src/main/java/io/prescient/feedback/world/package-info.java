/**
 * The behavioural world simulator: daily base demand, a launch calendar, teams that delay launches
 * and push efficiency work under utilisation pressure, and an infrastructure team that scales
 * reactively. It makes realistic histories whose true behavioural parameters are known.
 */
package io.prescient.feedback.world;
