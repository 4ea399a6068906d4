// SPDX-License-Identifier: GPL-2.0
/*
 * cpuidcheck: a GCC plugin that checks KVM x86's CPUID handling.
 *
 * It learns the unit's CPUID model from the code being compiled (feature
 * words, reverse_cpuid[], __feature_translate(), the X86_FEATURE_* names)
 * and runs each check on every function body before gimplification.  The
 * checks are listed in check_list.h (one file each, check_NAME.c) and
 * described in the registry, data/checks (docs/checks.md is made from it).
 *
 * Findings are printed as GCC-style warnings that never fail a build, also
 * under -Werror / CONFIG_WERROR=y.  Units without KVM's CPUID code print
 * nothing.
 *
 * Options:
 * -fplugin=plugin/cpuidcheck_plugin.so
 * -fplugin-arg-cpuidcheck_plugin-error
 *	report findings as errors (the build fails)
 * -fplugin-arg-cpuidcheck_plugin-disable=CHECK[,CHECK...]
 *	turn checks off, e.g. disable=cpuid-leaf
 * -fplugin-arg-cpuidcheck_plugin-suppress=FILE
 *	acknowledged findings, one "CHECK SUBJECT [why]" a line, e.g.
 *	"cpuid-cr4 CR4.VME"; they are counted in a one-line note
 * -fplugin-arg-cpuidcheck_plugin-record=DIR
 *	write the unit's CPUID facts to DIR/<unit>.rec (record.c), for the
 *	cpuidcheck program's whole-of-KVM map and cross-unit checks
 * -fplugin-arg-cpuidcheck_plugin-dump-model
 *	print what the plugin learned from the unit (for tests and bugs)
 * -fplugin-arg-cpuidcheck_plugin-facts=FILE
 *	read the architectural facts from FILE instead of the copy of
 *	data/cpuid-facts built into the plugin
 *
 * Usage in a kernel tree:
 * $ make KCFLAGS=-fplugin=$PWD/plugin/cpuidcheck_plugin.so arch/x86/kvm/
 */
#include "cpuidcheck.h"

__visible int plugin_is_GPL_compatible;

static struct plugin_info cpuidcheck_plugin_info = {
	.version	= "0.1",
	.help		= "error\treport findings as errors\n"
			  "disable=CHECK[,CHECK...]\tturn checks off\n"
			  "suppress=FILE\tacknowledged findings\n"
			  "record=DIR\twrite the unit's CPUID facts to DIR\n"
			  "dump-model\tprint the learned CPUID model\n"
			  "facts=FILE\tread architectural facts from FILE\n",
};

static bool disable_checks(const char *plugin, const char *list)
{
	const char *p = list;

	while (p && *p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		bool found = false;
		int i;

		for (i = 0; checks[i]; i++)
			if (strlen(checks[i]->name) == len &&
			    !strncmp(checks[i]->name, p, len)) {
				checks[i]->disabled = true;
				found = true;
			}
		if (!found) {
			error(G_("unknown check %<%.*s%> in %<-fplugin-arg-%s-disable%>"),
			      (int)len, p, plugin);
			return false;
		}
		p = comma ? comma + 1 : NULL;
	}
	return true;
}

static void finish_type(void *gcc_data, void *user_data)
{
	model_finish_type((tree)gcc_data);
}

static void finish_decl(void *gcc_data, void *user_data)
{
	model_finish_decl((tree)gcc_data);
}

static void pre_genericize(void *gcc_data, void *user_data)
{
	tree fndecl = (tree)gcc_data;

	model_pre_genericize(fndecl);
	if (!model_active() || seen_error())
		return;
	run_checks(fndecl);
}

static bool dump_model;
static void (*prev_define)(cpp_reader *, location_t, cpp_hashnode *);

static void on_define(cpp_reader *pfile, location_t loc, cpp_hashnode *node)
{
	if (prev_define)
		prev_define(pfile, loc, node);
	model_note_define(node);
	checks_note_define(node, loc);
}

/* After the front end set up the preprocessor, watch its #defines. */
static void start_unit(void *gcc_data, void *user_data)
{
	cpp_callbacks *cb = cpp_get_callbacks(parse_in);

	prev_define = cb->define;
	cb->define = on_define;
}

static void finish_unit(void *gcc_data, void *user_data)
{
	if (dump_model)
		model_dump();
	report_summary();
	record_finish_unit();
}

__visible int plugin_init(struct plugin_name_args *plugin_info,
			  struct plugin_gcc_version *version)
{
	const char * const plugin_name = plugin_info->base_name;
	const int argc = plugin_info->argc;
	const struct plugin_argument * const argv = plugin_info->argv;
	const char *facts_file = NULL;
	int i;

	if (!plugin_default_version_check(version, &gcc_version)) {
		error(G_("incompatible gcc/plugin versions"));
		return 1;
	}

	for (i = 0; i < argc; ++i) {
		if (!strcmp(argv[i].key, "error")) {
			findings_are_errors = true;
		} else if (!strcmp(argv[i].key, "disable") && argv[i].value) {
			if (!disable_checks(plugin_name, argv[i].value))
				return 1;
		} else if (!strcmp(argv[i].key, "suppress") && argv[i].value) {
			if (!load_suppressions(argv[i].value))
				return 1;
		} else if (!strcmp(argv[i].key, "record") && argv[i].value) {
			record_to(argv[i].value);
		} else if (!strcmp(argv[i].key, "dump-model")) {
			dump_model = true;
		} else if (!strcmp(argv[i].key, "facts") && argv[i].value) {
			facts_file = argv[i].value;
		} else {
			error(G_("unknown option %<-fplugin-arg-%s-%s%>"),
			      plugin_name, argv[i].key);
			return 1;
		}
	}
	if (!(facts_file ? facts_load_file(facts_file) : facts_load_embedded()))
		return 1;

	register_callback(plugin_name, PLUGIN_INFO, NULL,
			  &cpuidcheck_plugin_info);
	register_callback(plugin_name, PLUGIN_START_UNIT, start_unit, NULL);
	register_callback(plugin_name, PLUGIN_FINISH_TYPE, finish_type, NULL);
	register_callback(plugin_name, PLUGIN_FINISH_DECL, finish_decl, NULL);
	register_callback(plugin_name, PLUGIN_PRE_GENERICIZE, pre_genericize,
			  NULL);
	/* PLUGIN_FINISH_UNIT does not run under -fsyntax-only */
	register_callback(plugin_name, PLUGIN_FINISH, finish_unit, NULL);
	return 0;
}
