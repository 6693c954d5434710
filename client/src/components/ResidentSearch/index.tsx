import { useEffect, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Input from '../TextLine';
import { useResidentSearch, type ResidentMatch } from '../../hooks/useRepairs';
import LoadState from '../LoadState';
import Pressable from '../../keyboard/Pressable';
import { reachable } from '../../keyboard/reachable';
import { fill } from '../../i18n/ui.zh-CN';
import { deskUi } from '../../i18n/desk.zh-CN';
import './index.css';

const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** The room the desk most likely means: the one matching what was typed, else the only one, else none. */
export const roomFor = (resident: ResidentMatch, query: string): string | null => {
  const q = squash(query);
  const typed = q ? resident.rooms.find((room) => squash(room.label).includes(q) || room.roomId.endsWith(`:${q}`)) : undefined;
  if (typed) return typed.roomId;
  return resident.rooms.length === 1 ? (resident.rooms[0]?.roomId ?? null) : null;
};

interface Props {
  /** The resident already chosen (highlighted in the list). */
  chosenId: string | null;
  /** A resident and the room that matched what was typed (null when the desk must choose). */
  onPick: (resident: ResidentMatch, roomId: string | null) => void;
}

/**
 * R2: find a resident by "3-2-1502", part of it, or a name. The field has the focus when the page
 * opens and Enter searches, so the desk never leaves the keyboard; a single match is picked at once.
 */
export default function ResidentSearch({ chosenId, onPick }: Props) {
  const t = deskUi.deskRegister;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const found = useResidentSearch(query);
  const picked = useRef('');

  const search = (value: string = text) => {
    const q = value.trim();
    if (!q) return;
    if (q === query) void found.refresh();
    else setQuery(q);
  };

  useEffect(() => {
    // WeChat focuses the field through the `focus` prop; a browser ignores `autofocus` on a field
    // added after the page loaded (the H5 router adds every page so), so focus it once it exists.
    if (process.env.TARO_ENV !== 'h5') return undefined;
    let tries = 0;
    const timer = setInterval(() => {
      const field = document.querySelector<HTMLInputElement>('.input-resident-search input');
      tries += 1;
      if (field) field.focus();
      if (field || tries > 20) clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, []);

  const items = found.items;
  useEffect(() => {
    if (!items || items.length !== 1 || picked.current === query) return;
    picked.current = query;
    const only = items[0];
    if (only) onPick(only, roomFor(only, query));
  }, [items, query, onPick]);

  return (
    <View className='resident-search'>
      <View className='resident-search-bar keys-own-enter'>
        <Input
          id='input-resident-search'
          className='resident-search-input input-resident-search'
          type='text'
          confirmType='search'
          focus
          value={text}
          maxlength={40}
          placeholder={t.searchPlaceholder}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={(e) => search(e.detail.value)}
        />
        <Button className='btn btn-secondary btn-resident-search' onClick={() => search()} {...reachable()}>
          {t.searchButton}
        </Button>
      </View>
      {query && (
        <LoadState
          loading={found.loading}
          error={found.error}
          onRetry={() => void found.refresh()}
          empty={items?.length === 0 ? fill(t.noMatch, { query }) : null}
        >
          {items && items.length > 1 && <Text className='muted resident-pick-hint'>{t.pickHint}</Text>}
          {items?.map((resident) => (
            <Pressable
              key={resident.residentId}
              id={`resident-${resident.residentId}`}
              className={`resident-option${chosenId === resident.residentId ? ' resident-on' : ''}`}
              on={chosenId === resident.residentId}
              onPress={() => onPick(resident, roomFor(resident, query))}
            >
              <View className='resident-option-head'>
                <Text className='resident-option-name'>{resident.name}</Text>
                <Text className='muted resident-option-phone'>{resident.phone}</Text>
              </View>
              <Text className='resident-option-rooms'>{resident.rooms.map((r) => r.label).join('、')}</Text>
            </Pressable>
          ))}
        </LoadState>
      )}
    </View>
  );
}
