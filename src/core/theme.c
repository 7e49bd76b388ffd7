/* theme.c — the projector theme's colour table, the reference palette and
 * the WCAG contrast ratio it is checked with, and the step tabs' rule. */
#include "config.h"
#include "theme.h"

#include <math.h>

const struct theme_pair theme_projector[ST_COUNT] = {
	[ST_TOP] = {THEME_WHITE, THEME_BLUE, true},
	[ST_TOP_TITLE] = {THEME_WHITE, THEME_BLUE, true},
	[ST_TAB_CUR] = {THEME_BLACK, THEME_WHITE, true},
	[ST_BADGE] = {THEME_WHITE, THEME_DARK_RED, true},
	[ST_HINT] = {THEME_BLACK, THEME_CYAN, true},
	[ST_SEL] = {THEME_BLACK, THEME_YELLOW, true},
	[ST_ERROR] = {THEME_WHITE, THEME_DARK_RED, true},
	[ST_BAR_KEY] = {THEME_WHITE, THEME_BLACK, true},
	[ST_BAR_LABEL] = {THEME_BLACK, THEME_CYAN, false},
	[ST_LIT] = {THEME_BLACK, THEME_GREEN, true},
	[ST_ALERT] = {THEME_WHITE, THEME_DARK_RED, true},
	[ST_WARN] = {THEME_BLACK, THEME_YELLOW, true},
	[ST_CLOCK] = {THEME_WHITE, THEME_BLUE, true},
	[ST_CLOCK_WARN] = {THEME_BLACK, THEME_YELLOW, true},
	[ST_CLOCK_OVER] = {THEME_WHITE, THEME_DARK_RED, true},
	[ST_FIELD_FOCUS] = {THEME_BLACK, THEME_CYAN, false},
	[ST_FORM_ERROR] = {THEME_WHITE, THEME_DARK_RED, true},
	[ST_RACI_R] = {THEME_BLACK, THEME_GREEN, true},
	[ST_RACI_A] = {THEME_WHITE, THEME_BLUE, true},
	[ST_RACI_C] = {THEME_BLACK, THEME_CYAN, false},
	[ST_RACI_I] = {THEME_BLACK, THEME_WHITE, false},
};

int theme_pair_colours(const struct theme_pair *p)
{
	return p->fg >= 8 || p->bg >= 8 ? 256 : 8;
}

void theme_rgb(int c, unsigned char rgb[3])
{
	static const unsigned char ansi[16][3] = {
		{0, 0, 0},	 {205, 0, 0},	{0, 205, 0},   {205, 205, 0},
		{0, 0, 238},	 {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
		{127, 127, 127}, {255, 0, 0},	{0, 255, 0},   {255, 255, 0},
		{92, 92, 255},	 {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
	};
	static const unsigned char level[6] = {0, 95, 135, 175, 215, 255};
	if (c < 0 || c > 255)
		c = 0;
	if (c < 16) {
		for (int i = 0; i < 3; i++)
			rgb[i] = ansi[c][i];
	} else if (c < 232) {
		c -= 16;
		rgb[0] = level[c / 36];
		rgb[1] = level[c / 6 % 6];
		rgb[2] = level[c % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = (unsigned char)(8 + 10 * (c - 232));
	}
}

static double channel(unsigned char v)
{
	double s = v / 255.0;
	return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

double theme_luminance(int c)
{
	unsigned char rgb[3];
	theme_rgb(c, rgb);
	return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

double theme_contrast(int fg, int bg)
{
	double a = theme_luminance(fg), b = theme_luminance(bg);
	double hi = a > b ? a : b, lo = a > b ? b : a;
	return (hi + 0.05) / (lo + 0.05);
}

int ui_tab_name_limit(const int *name_w, int n, int cur, int room)
{
	int widest = 0;
	for (int s = 0; s < n; s++)
		if (s != cur && name_w[s] > widest)
			widest = name_w[s];
	int limit = 0;
	for (int l = 1; l <= widest; l++) {
		int need = 0;
		for (int s = 0; s < n; s++)
			if (s != cur)
				need += name_w[s] < l ? name_w[s] : l;
		if (need > room)
			break;
		limit = l;
	}
	return limit;
}
