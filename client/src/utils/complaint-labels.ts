import { zhCN as messages } from '@shared/messages/zh-CN';
import type { ComplaintClass, Jurisdiction, Severity } from '@shared/model/complaint.model';

const lookup = (table: Readonly<Record<string, string>>, key: string): string | null => (key in table ? (table[key] ?? null) : null);

/** C2: "有责投诉 · 重大", "协助处理 · 辖区外", "无责投诉". */
export const classLabel = (c: { class: ComplaintClass; severity: Severity | null; jurisdiction?: Jurisdiction | null }): string => {
  const detail = c.severity ? messages.severities[c.severity] : c.jurisdiction ? messages.jurisdictions[c.jurisdiction] : null;
  return detail ? `${messages.complaintClasses[c.class]} · ${detail}` : messages.complaintClasses[c.class];
};

/** C2 C3: why the system proposes what it does, in the handbook's words; codes the catalogue lacks are left out. */
export const basisTexts = (codes: readonly string[]): string[] =>
  codes.flatMap((code) => {
    const text = lookup(messages.proposalBasis, code);
    return text ? [text] : [];
  });

/** C4: the rule that set a case's time limit, in words. */
export const dueRuleText = (rule: string | null): string | null => (rule ? lookup(messages.deadlineRules, rule) : null);

/** The words a case's history uses: its actions, else the status it reached. */
export const caseWords = { actions: messages.complaintActions, statuses: messages.complaintStatus };
