/* findings.c — placeholder until the findings engine lands (issue 4):
 * no rules yet, readiness from the check items. */
#include "config.h"
#include "findings.h"

#include <stdlib.h>
#include <string.h>

void findings_compute(const struct model *m, struct findings *out)
{
	(void)m;
	memset(out, 0, sizeof *out);
}

void findings_free(struct findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].item);
		free(f->v[i].message);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

unsigned findings_total(const struct findings *f, enum severity sev)
{
	unsigned n = 0;
	for (int s = 0; s < STEP_COUNT; s++)
		n += f->count[s][sev];
	return n;
}

void findings_readiness(const struct model *m, struct readiness *r)
{
	double got[FACTOR_COUNT][FIELD_COUNT] = {{0}};
	unsigned applicable[FACTOR_COUNT][FIELD_COUNT] = {{0}};
	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < m->checks.n; i++) {
		const struct check_item *c = MODEL_AT(m->checks, struct check_item, i);
		if (c->factor < 1 || c->factor > FACTOR_COUNT || c->field < 0 || c->field >= FIELD_COUNT)
			continue;
		r->items[c->factor - 1][c->field]++;
		if (c->status == CHECK_NA)
			continue;
		applicable[c->factor - 1][c->field]++;
		got[c->factor - 1][c->field] += c->status == CHECK_DONE ? 1 : c->status == CHECK_PARTLY ? 0.5 : 0;
	}
	double all_got = 0;
	unsigned all_n = 0;
	for (int f = 0; f < FACTOR_COUNT; f++) {
		double fg = 0;
		unsigned fn = 0;
		for (int d = 0; d < FIELD_COUNT; d++) {
			r->cell[f][d] = applicable[f][d] ? got[f][d] / applicable[f][d] : -1;
			fg += got[f][d];
			fn += applicable[f][d];
		}
		r->factor[f] = fn ? fg / fn : -1;
		if (f < 5) {
			all_got += fg;
			all_n += fn;
		}
	}
	r->overall = all_n ? all_got / all_n : -1;
}
