import { describe, expect, it } from 'vitest';
import { contactsView } from './contacts-view.ts';
import { action, area, contact, id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

describe('contactsView', () => {
  it('lists each contact with the actions waiting on it and the other items naming it', () => {
    const snapshot = snapshotOf([
      contact(1, 'Bob'),
      contact(2, 'Ann'),
      contact(3, 'Zoe', { starred: true }),
      action(4, 'Reply on offer', { state: 'waiting-for-contact', contact: id(1) }),
      action(5, 'Agree price', { state: 'waiting-for-contact', contact: id(1) }),
      action(6, 'Call Bob', { contact: id(1) }),
      project(7, 'House sale', { contact: id(1) }),
      area(8, 'Family', { contact: id(2) }),
      action(9, 'Waiting on someone else', { state: 'waiting-for-contact', contact: id(2) }),
      action(10, 'Waiting generally', { state: 'waiting', contact: id(1) }),
      action(11, 'Missing contact', { state: 'waiting-for-contact', contact: id(99) }),
    ]);
    const view = contactsView(snapshot);
    expect(view.map((entry) => entry.contact.name)).toEqual(['Zoe', 'Ann', 'Bob']);
    const bob = view[2];
    expect(bob?.waitingOn.map((a) => a.name)).toEqual(['Agree price', 'Reply on offer']);
    expect(bob?.items.map((item) => item.name)).toEqual(['Call Bob', 'House sale', 'Waiting generally']);
    expect(view[1]?.waitingOn.map((a) => a.name)).toEqual(['Waiting on someone else']);
    expect(view[1]?.items.map((item) => item.name)).toEqual(['Family']);
    expect(view[0]).toMatchObject({ waitingOn: [], items: [] });
  });

  it('is empty without contacts', () => {
    expect(contactsView(snapshotOf([action(1, 'A', { contact: id(2) })]))).toEqual([]);
  });
});
