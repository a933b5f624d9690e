import { z } from 'zod';

/**
 * Every action the audit log records, in one vocabulary: the server's writer accepts only these
 * (an unknown action fails the typecheck), and log review, the citizens' access log and exports
 * read the same codes. Add a new action here, with the area that writes it.
 */
export const auditActions = [
  // Accounts and sessions
  'auth.login',
  'auth.logout',
  'auth.password_change',
  // Administration
  'unit.create',
  'unit.update',
  'user.create',
  'user.update',
  'user.roles_change',
  'secrecy_domain.create',
  'secrecy_domain.update',
  'unit.secrecy_domain.move',
  'early_signal_rule.update',
  // A child's record
  'child.search',
  'child.record.read',
  'child.access_log.read',
  'child.access_log.extract',
  'child.care_team.read',
  'child.care_team.add',
  'child.care_team.candidates',
  'child.care_team.end',
  'child.consent.list',
  'child.consent.give',
  'child.consent.withdraw',
  'child.disclosure.list',
  'child.disclosure.record',
  'child.emergency_access.open',
  'child.emergency_access.review',
  'child.handover.list',
  'child.handover.propose',
  'child.handover.accept',
  'child.handover.decline',
  // The start page: "Mina barn" and the notices that name a child
  'child.my_children.list',
  'child.notice.list',
  // How a child enters Samsyn, and their identity data (the register)
  'child.create',
  'child.identity.lookup',
  'child.identity.read',
  'child.identity.correct',
  'child.identity.history',
  'child.register.compare',
  'child.register.import',
  'register_import.preview',
  'register_import.accept',
  'register_import.run',
  'register_import.discard',
  'child.concern.list',
  'child.concern.record',
  'child.early_signal.list',
  // Reports of concern: hidden from the family's access log (reports/intake.ts)
  'child.report_of_concern.send',
  'child.report_of_concern.receipts',
  'child.report_of_concern.intake_queue',
  'child.report_of_concern.intake_read',
  'child.report_of_concern.intake_step',
  // The wellbeing wheel: its model, a child's assessments and the child's own voice
  'wellbeing.model.create',
  'child.wellbeing.read',
  'child.wellbeing.record',
  'child.wellbeing.code_issue',
  'child.wellbeing.code_open',
  'child.handover.withdraw',
  'child.handover.read',
  // The needs assessment: its configuration and a child's assessments (needs-assessment/)
  'needs_assessment.config.create',
  'child.needs_assessment.list',
  'child.needs_assessment.read',
  'child.needs_assessment.record',
  // The chronology and the child's overview
  'child.chronology.read',
  'child.overview.read',
  // Citizens, reviews and the log itself
  'citizen.children.list',
  'emergency_access.review_queue.read',
  'child.emergency_access.review_queue.read',
  'child.log_review.search',
  'child.log_review.export',
  'log_review.search',
  'log_review.export',
  'audit.verify',
  // The population level: the indicator catalogue and statistics imports (no personal data)
  'indicator.create',
  'indicator.update',
  'indicator.kolada.import',
  // The operations level: action plans (no child's data), every change and export
  'action_plan.create',
  'action_plan.update',
  'action_plan.sub_goal.create',
  'action_plan.sub_goal.update',
  'action_plan.activity.create',
  'action_plan.activity.update',
  'action_plan.review.record',
  'action_plan.round.open',
  'action_plan.round.close',
  'action_plan.export',
  'impact_assessment.save',
  // The social-investment fund (no child's data): every change and export
  'fund.application.create',
  'fund.application.update',
  'fund.application.submit',
  'fund.application.decide',
  'fund.disbursement.record',
  'fund.report.record',
  'fund.calculation.save',
  'fund.calculation.export',
  'survey.create',
  'survey.update',
  'survey.indicator.link',
  'survey.import',
  'survey.import.run',
  // Retention (gallring) and the register extract
  'retention.rules.read',
  'retention.rule.update',
  'retention.dry_run',
  'retention.erase',
  'retention.tombstones.read',
  'child.register_extract',
  // Planning together: the child's plan and the SIP (plans/)
  'child.plan.list',
  'child.plan.read',
  'child.plan.create',
  'child.plan.revise',
  'child.plan.establish',
  'child.plan.close',
  'child.plan.approve',
  // The demo seeder
  'demo.seed',
] as const;

export const AuditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;

/** True for a string that is one of the vocabulary's actions (for reading rows back from the log). */
export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}
