/* ui.h — the full-screen facilitator's screen (ncursesw). */
#ifndef STETIG_UI_H
#define STETIG_UI_H

#include <stdbool.h>

enum ui_theme { UI_THEME_PROJECTOR, UI_THEME_PLAIN };

struct ui_options {
	enum ui_theme theme;
	const char *keys_file; /* a key script to play instead of the keyboard, or NULL */
	bool lang_given;       /* --lang was given (else the workshop's language may apply) */
};

/* Opens path (created when missing) and runs the screen until the user
 * quits. Returns the exit status; errors are printed after the screen is
 * restored. */
int ui_run(const char *path, const struct ui_options *opt);

#endif
