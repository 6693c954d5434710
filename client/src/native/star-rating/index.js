/** Five big stars; a tap sends `change` with { value: 1–5 }. */
Component({
  properties: {
    value: { type: Number, value: 0 },
  },
  data: { stars: [1, 2, 3, 4, 5] },
  methods: {
    pick: function (e) {
      var value = Number(e.currentTarget.dataset.value);
      if (!(value >= 1 && value <= 5)) return;
      this.setData({ value: value });
      this.triggerEvent('change', { value: value });
    },
  },
});
