/* startup_floor.c — the floor of the start-up figure of the keystroke
 * benchmark (bench/README): what any ncursesw program pays to start and
 * stop, setlocale + initscr + endwin and nothing else. */
#include <curses.h>
#include <locale.h>

int main(void)
{
	setlocale(LC_ALL, "");
	initscr();
	endwin();
	return 0;
}
