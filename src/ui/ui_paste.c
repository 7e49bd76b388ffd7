/* ui_paste.c — bracketed paste and bursts of keys (see ui_paste.h). */
#include "config.h"
#include "ui_paste.h"

#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "util.h"

static const char paste_on[] = "\033[?2004h";
static const char paste_off[] = "\033[?2004l";

static void put(const char *s, size_t n)
{
	/* write(2): also used from the signal handler */
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* ncurses' own SIGTSTP handler (it leaves and restores the screen). */
static struct sigaction tstp_next;
static bool tstp_chained;

static void on_tstp(int sig)
{
	put(paste_off, sizeof paste_off - 1);
	if (tstp_next.sa_flags & SA_SIGINFO) {
		if (tstp_next.sa_sigaction)
			tstp_next.sa_sigaction(sig, NULL, NULL);
	} else if (tstp_next.sa_handler != SIG_DFL && tstp_next.sa_handler != SIG_IGN &&
		   tstp_next.sa_handler) {
		tstp_next.sa_handler(sig);
	} else {
		/* nobody else handles it: stop as the default would */
		signal(SIGTSTP, SIG_DFL);
		raise(SIGTSTP);
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_tstp;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGTSTP, &sa, NULL);
	}
	/* back in the foreground */
	put(paste_on, sizeof paste_on - 1);
}

void ui_paste_start(void)
{
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	fflush(stdout);
	put(paste_on, sizeof paste_on - 1);
	struct sigaction sa, old;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_tstp;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	if (sigaction(SIGTSTP, NULL, &old) == 0 && old.sa_handler != SIG_IGN) {
		tstp_next = old;
		if (sigaction(SIGTSTP, &sa, NULL) == 0)
			tstp_chained = true;
	}
}

void ui_paste_stop(void)
{
	if (tstp_chained) {
		sigaction(SIGTSTP, &tstp_next, NULL);
		tstp_chained = false;
	}
	fflush(stdout);
	put(paste_off, sizeof paste_off - 1);
}

wchar_t *ui_paste_read(size_t *n, bool *cut)
{
	size_t cap = 256, len = 0;
	wchar_t *w = xmalloc(cap * sizeof *w);
	*cut = false;
	/* the end marker follows at once; a terminal that never sends it (a
	 * broken connection) ends the paste after a second of silence */
	wtimeout(stdscr, 1000);
	bool cr = false;
	for (;;) {
		wint_t c;
		int rc = wget_wch(stdscr, &c);
		if (rc == ERR)
			break;
		if (rc == KEY_CODE_YES) {
			if (c == KEY_PASTE_END)
				break;
			if (c == KEY_ENTER)
				c = L'\n';
			else
				continue; /* a key code inside a paste: not text */
		}
		/* CR LF, CR and LF are each one line break */
		if (c == L'\n' && cr) {
			cr = false;
			continue;
		}
		cr = c == L'\r';
		if (c == L'\r')
			c = L'\n';
		if (len >= UI_PASTE_MAX) {
			*cut = true;
			continue;
		}
		if (len + 2 > cap)
			xgrow((void **)&w, &cap, len + 2, sizeof *w);
		w[len++] = (wchar_t)c;
	}
	w[len] = 0;
	*n = len;
	return w;
}

/* ------------------------------------------------------------ bursts */

/* Whether more input waits in the terminal. Plain characters and line
 * breaks (what a paste sends) reach curses one byte at a time, so what
 * follows them is still in the kernel's queue. */
static bool input_waiting(void)
{
	int avail = 0;
	return ioctl(STDIN_FILENO, FIONREAD, &avail) == 0 && avail > 0;
}

static bool in_burst;

bool ui_burst_note(long waited_ms)
{
	bool burst = input_waiting() || (in_burst && waited_ms < UI_BURST_MS);
	in_burst = burst;
	return burst;
}

bool ui_burst_allows(enum ui_action a)
{
	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_LEFT:
	case ACT_RIGHT:
	case ACT_PGUP:
	case ACT_PGDN:
	case ACT_HOME:
	case ACT_END:
	case ACT_STEP:
	case ACT_NEXT_STEP:
	case ACT_PREV_STEP:
	case ACT_HELP:
	case ACT_READ:
	case ACT_CLOCK:
	case ACT_LANG:
		return true;
	default:
		return false;
	}
}
