// The dashboard's words reach components through React context (providers.tsx sets the
// learner's locale); the words themselves are in source/i18n/.
import {createContext, useContext} from 'react';
import {en} from '../i18n/en.ts';
import type {UiText} from '../i18n/messages.ts';

export const UiTextContext = createContext<UiText>(en.ui);
export const useUiText = () => useContext(UiTextContext);
