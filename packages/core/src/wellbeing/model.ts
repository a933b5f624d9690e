import { z } from 'zod';
import { wellbeingAreaCodes, wellbeingAreaSchema } from './areas.ts';

/**
 * The wellbeing wheel's model: versioned configuration. A county gives the eight areas its own
 * labels, definitions, guiding questions, child-friendly wording and rating scale; every change is
 * a new version, and each assessment keeps the version it was made with, so history reads as it
 * was written. The wheel describes and never grades: the model has no total, no level to reach
 * and no target, and nothing derived from it adds the areas up.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/** A text in both interface languages: Swedish first, English complete. */
export const LocalizedText = z.object({ sv: text(400), en: text(400) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** The icon beside an area in the child-friendly wording (drawn by the web app, never a colour alone). */
export const wellbeingIcons = ['shield', 'heart', 'sprout', 'home', 'ball', 'hand', 'compass', 'people'] as const;
export const WellbeingIcon = z.enum(wellbeingIcons);
export type WellbeingIcon = z.infer<typeof WellbeingIcon>;

export const WheelAreaConfig = z.object({
  code: wellbeingAreaSchema,
  label: LocalizedText,
  definition: LocalizedText,
  /** Questions that guide a professional's description; not a checklist to score. */
  questions: z.array(LocalizedText).min(1).max(8),
  /** The easy-read wording the child and guardians see. */
  child: z.object({ label: LocalizedText, question: LocalizedText }),
  icon: WellbeingIcon,
});
export type WheelAreaConfig = z.infer<typeof WheelAreaConfig>;

/** One point of the scale: its value, and its words for professionals and for the child. */
export const ScalePoint = z.object({ value: z.number().int().min(0).max(10), label: LocalizedText, childLabel: LocalizedText });
export type ScalePoint = z.infer<typeof ScalePoint>;

export const WheelModelContent = z
  .object({
    name: LocalizedText,
    areas: z.array(WheelAreaConfig).length(wellbeingAreaCodes.length),
    scale: z.array(ScalePoint).min(3).max(7),
  })
  .superRefine((m, ctx) => {
    for (const [i, code] of wellbeingAreaCodes.entries()) {
      if (m.areas[i]?.code !== code) ctx.addIssue({ code: 'custom', path: ['areas', i, 'code'], message: 'area_order' });
    }
    for (let i = 1; i < m.scale.length; i += 1) {
      if (m.scale[i]!.value <= m.scale[i - 1]!.value) ctx.addIssue({ code: 'custom', path: ['scale', i, 'value'], message: 'scale_not_increasing' });
    }
  });
export type WheelModelContent = z.infer<typeof WheelModelContent>;

/** An administrator's edit: the whole model as the next version, with a note on what changed. */
export const WheelModelInput = z.object({ content: WheelModelContent, note: z.string().trim().max(500) });
export type WheelModelInput = z.infer<typeof WheelModelInput>;

export const WheelModelVersion = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    content: WheelModelContent,
    note: z.string(),
    createdAt: z.iso.datetime(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'WheelModelVersion' });
export type WheelModelVersion = z.infer<typeof WheelModelVersion>;

export const WheelModelList = z.object({ current: WheelModelVersion, versions: z.array(WheelModelVersion) }).meta({ id: 'WheelModelList' });
export type WheelModelList = z.infer<typeof WheelModelList>;

/** Whether a rating is a point of the model's scale. */
export function onScale(content: Pick<WheelModelContent, 'scale'>, rating: number): boolean {
  return content.scale.some((p) => p.value === rating);
}

/** The area's configuration in a model version, by its stable code. */
export function areaOf(content: Pick<WheelModelContent, 'areas'>, code: string): WheelAreaConfig | undefined {
  return content.areas.find((a) => a.code === code);
}
