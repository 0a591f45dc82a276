// Package appeals models information requests to city companies under the Polish act
// on access to public information (UDIP) and the city's own appeal to the mayor's office:
// requests, answers, refusals, reconsideration, appeals, decisions and compliance.
//
// Every step is an Event in an append-only log per request; the State (process stage,
// outcome, due date) is derived from the log by replaying it through the same rules that
// accept a new event, so a transition the rules forbid can never be stored. "Overdue" is
// computed from the due date and today, never stored. Deadlines follow calendar.go.
// The package imports no web framework; authorization is checked here with registry.Actor.
package appeals
