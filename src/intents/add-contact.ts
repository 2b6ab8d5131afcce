// A person at a customer, or new facts about one (title, phone, email, birthday).
import { markFormerContact } from '../domain/job-change.js';
import { upsertContact } from '../domain/records.js';
import { t } from '../i18n/index.js';
import { needCustomer } from './customer.js';
import { placeExtras } from './extras.js';
import { field, undoButton, viewCustomerButton } from './render.js';
import type { IntentHandler } from './types.js';

export const addContact: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    if (!args.contact) return { text: t(locale, 'ask.contactMissing') };
    const found = await needCustomer(ctx, 'add_contact', args, { allowCreate: true });
    if (found.reply) return found.reply;
    const { customer } = found;
    const extras = await placeExtras(ctx, 'add_contact', args, customer);
    if (extras.reply) return extras.reply;
    const { contact, created } = await upsertContact(ctx.changes, ctx.tx, customer.id, {
      name: args.contact, title: args.title, phone: args.phone, email: args.email, birthday: args.birthday, was: args.contact_was,
    });
    const title = t(locale, created ? 'contact.added' : 'contact.updated', { contact: contact.name, customer: customer.name });
    // "王静跳槽了，从美团去了顺丰": her row at 美团 is marked as left.
    const left = args.job_change ? await markFormerContact(ctx.changes, ctx.tx, ctx.actor, { name: contact.name, newCustomerId: customer.id, movedFrom: args.moved_from }, ctx.now) : [];
    const leftNotes = left.map((from) => t(locale, 'contact.leftFormer', { contact: contact.name, customer: from }));
    return {
      text: [title, ...leftNotes, ...extras.notes].join('\n'),
      card: {
        title,
        fields: [
          ...field(locale, 'field.title', args.title),
          ...field(locale, 'field.phone', args.phone),
          ...field(locale, 'field.email', args.email),
          ...field(locale, 'field.birthday', args.birthday),
          ...field(locale, 'field.leftFormer', left.join('、') || undefined),
          ...extras.fields,
        ],
        buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)],
      },
    };
  },
};
